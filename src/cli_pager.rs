//! The pager, as git has one: output longer than the screen of a terminal
//! goes through `EDITIONS_PAGER`, else `PAGER`, else `less -FRX` (with
//! `LESS=FRX` when `LESS` is unset), so colour survives it. The decisions
//! are functions of their inputs ([`plan`], [`pager_command`],
//! [`screen_rows`]); [`Output`] carries them out.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::{Child, ChildStdin, Command, Stdio};

/// When to page (`--paging`; `--no-pager` is `Never`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Paging {
    /// Never.
    Never,
    /// When standard output is a terminal and the output is longer than its screen.
    #[default]
    Auto,
    /// Always, even when standard output is no terminal.
    Always,
}

/// What to do with a command's output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plan {
    /// Write it to standard output.
    Direct,
    /// Hold it until it is longer than a screen of `rows` × `cols`, then
    /// page; if it ends first, write it to standard output.
    Hold {
        /// The screen's height.
        rows: usize,
        /// The screen's width.
        cols: usize,
    },
    /// Page it from the start.
    Page,
}

/// The pager command: `EDITIONS_PAGER`, else `PAGER`, else `less -FRX`;
/// none when the one chosen is empty or `cat` (as git has it).
pub fn pager_command(env: impl Fn(&str) -> Option<String>) -> Option<String> {
    let command = env("EDITIONS_PAGER").or_else(|| env("PAGER")).unwrap_or_else(|| "less -FRX".to_string());
    let command = command.trim();
    (!command.is_empty() && command != "cat").then(|| command.to_string())
}

/// Decides what to do with the output: `paging` as asked, whether
/// standard output is a terminal, its size (columns, rows) when known,
/// and whether there is a pager to run.
pub fn plan(paging: Paging, stdout_is_terminal: bool, screen: Option<(usize, usize)>, has_pager: bool) -> Plan {
    match paging {
        _ if !has_pager => Plan::Direct,
        Paging::Never => Plan::Direct,
        Paging::Always => Plan::Page,
        Paging::Auto if !stdout_is_terminal => Plan::Direct,
        Paging::Auto => match screen {
            Some((cols, rows)) if cols > 0 && rows > 0 => Plan::Hold { rows, cols },
            // A terminal of unknown size: `less -F` decides.
            _ => Plan::Page,
        },
    }
}

/// Whether colour `auto` should take the output for a terminal's: standard
/// output is one, or git started a pager on one and runs us under it
/// (`GIT_PAGER_IN_USE`, as for `GIT_EXTERNAL_DIFF`).
pub fn for_terminal(stdout_is_terminal: bool, env: impl Fn(&str) -> Option<String>) -> bool {
    stdout_is_terminal
        || env("GIT_PAGER_IN_USE")
            .is_some_and(|v| matches!(v.to_ascii_lowercase().as_str(), "true" | "yes" | "on" | "1"))
}

/// The rows of a screen `cols` wide that `line` (without its `\n`) takes:
/// characters counted, colour escapes not, tabs to the next multiple of 8.
pub fn screen_rows(line: &[u8], cols: usize) -> usize {
    let mut width: usize = 0;
    let text = String::from_utf8_lossy(line);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => {
                // CSI: ESC [ parameters, then a final byte '@'..='~'.
                if chars.peek() == Some(&'[') {
                    chars.next();
                    for c in chars.by_ref() {
                        if ('@'..='~').contains(&c) {
                            break;
                        }
                    }
                }
            }
            '\t' => width = (width / 8 + 1) * 8,
            '\r' => width = 0,
            c if c.is_control() => {}
            _ => width += 1,
        }
    }
    width.div_ceil(cols.max(1)).max(1)
}

/// The size of the terminal on standard output (columns, rows).
pub fn screen() -> Option<(usize, usize)> {
    terminal_size::terminal_size().map(|(w, h)| (usize::from(w.0), usize::from(h.0)))
}

type Stdout = BufWriter<io::StdoutLock<'static>>;

/// A command's output: standard output, or the pager's input.
pub struct Output {
    state: State,
    command: String,
}

enum State {
    Direct(Stdout),
    Held { held: Vec<u8>, rows: usize, cols: usize, used: usize, line_start: usize },
    Paged { stdin: BufWriter<ChildStdin>, child: Child },
    Done,
}

impl Output {
    /// Output for `paging`, deciding with the real standard output and
    /// environment.
    pub fn open(paging: Paging) -> Output {
        let env = |k: &str| std::env::var(k).ok();
        let command = pager_command(env);
        let plan = plan(paging, io::stdout().is_terminal(), screen(), command.is_some());
        let mut output = Output { state: State::Done, command: command.unwrap_or_default() };
        output.state = match plan {
            Plan::Direct => direct(),
            Plan::Hold { rows, cols } => State::Held { held: Vec::new(), rows, cols, used: 0, line_start: 0 },
            Plan::Page => output.spawn(&[]).unwrap_or_else(direct),
        };
        output
    }

    /// Output that is standard output.
    pub fn direct() -> Output {
        Output { state: direct(), command: String::new() }
    }

    /// Starts the pager and gives it `held`; `None` if it cannot start (the
    /// output then goes to standard output, as git does).
    fn spawn(&self, held: &[u8]) -> Option<State> {
        let mut command = shell(&self.command);
        if std::env::var_os("LESS").is_none() {
            command.env("LESS", "FRX");
        }
        if std::env::var_os("LV").is_none() {
            command.env("LV", "-c");
        }
        // Ctrl-C in the pager (less stops a search with it) reaches us too:
        // while the pager runs it must not end us, or the shell would take
        // the terminal back from under the pager. The pager quits when the
        // user asks; we end when it has. Should the pager not start, Ctrl-C
        // ends us as before.
        let interrupt_ends_us = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let _ = signal_hook::flag::register_conditional_default(signal_hook::consts::SIGINT, interrupt_ends_us.clone());
        let Ok(mut child) = command.stdin(Stdio::piped()).spawn() else {
            interrupt_ends_us.store(true, std::sync::atomic::Ordering::SeqCst);
            return None;
        };
        let mut stdin = BufWriter::new(child.stdin.take()?);
        // A pager that quit at once shows up on the next write, as a closed pipe.
        let _ = stdin.write_all(held);
        Some(State::Paged { stdin, child })
    }

    /// Flushes the output and waits for the pager to quit.
    pub fn finish(mut self) -> io::Result<()> {
        let result = self.flush_held();
        self.close();
        result
    }

    /// Writes what is held to standard output (it fitted on the screen).
    fn flush_held(&mut self) -> io::Result<()> {
        if let State::Held { held, .. } = &mut self.state {
            let held = std::mem::take(held);
            self.state = direct();
            self.write_all(&held)?;
        }
        self.flush()
    }

    fn close(&mut self) {
        if let State::Paged { mut stdin, mut child } = std::mem::replace(&mut self.state, State::Done) {
            let _ = stdin.flush();
            drop(stdin);
            let _ = child.wait();
        }
    }
}

impl Drop for Output {
    fn drop(&mut self) {
        let _ = self.flush_held();
        self.close();
    }
}

fn direct() -> State {
    State::Direct(BufWriter::new(io::stdout().lock()))
}

#[cfg(unix)]
fn shell(command: &str) -> Command {
    let mut c = Command::new("sh");
    c.arg("-c").arg(command);
    c
}

#[cfg(not(unix))]
fn shell(command: &str) -> Command {
    let mut c = Command::new("cmd");
    c.arg("/C").arg(command);
    c
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.state {
            State::Direct(out) => out.write(buf),
            State::Paged { stdin, .. } => stdin.write(buf),
            State::Done => Ok(buf.len()),
            State::Held { held, rows, cols, used, line_start } => {
                held.extend_from_slice(buf);
                while let Some(n) = memchr::memchr(b'\n', &held[*line_start..]) {
                    *used += screen_rows(&held[*line_start..*line_start + n], *cols);
                    *line_start += n + 1;
                }
                // The screen keeps its last row for the prompt.
                if *used >= *rows {
                    let held = std::mem::take(held);
                    self.state = match self.spawn(&held) {
                        Some(paged) => paged,
                        None => {
                            let mut out = direct();
                            if let State::Direct(o) = &mut out {
                                o.write_all(&held)?;
                            }
                            out
                        }
                    };
                }
                Ok(buf.len())
            }
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.state {
            State::Direct(out) => out.flush(),
            State::Paged { stdin, .. } => stdin.flush(),
            State::Held { .. } | State::Done => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| vars.iter().find(|v| v.0 == k).map(|v| v.1.to_string())
    }

    #[test]
    fn the_pager_as_git_finds_it() {
        assert_eq!(pager_command(env(&[])).as_deref(), Some("less -FRX"));
        assert_eq!(pager_command(env(&[("PAGER", "more")])).as_deref(), Some("more"));
        assert_eq!(pager_command(env(&[("PAGER", "more"), ("EDITIONS_PAGER", "bat -p")])).as_deref(), Some("bat -p"));
        assert_eq!(pager_command(env(&[("PAGER", "more"), ("EDITIONS_PAGER", "")])), None);
        assert_eq!(pager_command(env(&[("PAGER", "cat")])), None);
    }

    #[test]
    fn paging_decided_by_its_inputs() {
        let screen = Some((80, 24));
        assert_eq!(plan(Paging::Auto, true, screen, true), Plan::Hold { rows: 24, cols: 80 });
        assert_eq!(plan(Paging::Auto, false, screen, true), Plan::Direct);
        assert_eq!(plan(Paging::Auto, true, None, true), Plan::Page);
        assert_eq!(plan(Paging::Auto, true, screen, false), Plan::Direct);
        assert_eq!(plan(Paging::Never, true, screen, true), Plan::Direct);
        assert_eq!(plan(Paging::Always, false, None, true), Plan::Page);
        assert_eq!(plan(Paging::Always, true, screen, false), Plan::Direct);
    }

    #[test]
    fn colour_for_a_terminal_or_git_s_pager() {
        assert!(for_terminal(true, env(&[])));
        assert!(!for_terminal(false, env(&[])));
        assert!(for_terminal(false, env(&[("GIT_PAGER_IN_USE", "true")])));
        assert!(!for_terminal(false, env(&[("GIT_PAGER_IN_USE", "false")])));
    }

    #[test]
    fn rows_a_line_takes() {
        assert_eq!(screen_rows(b"", 80), 1);
        assert_eq!(screen_rows(&[b'x'; 80], 80), 1);
        assert_eq!(screen_rows(&[b'x'; 81], 80), 2);
        assert_eq!(screen_rows("¶12  é".as_bytes(), 4), 2);
        // Colour escapes take no room.
        assert_eq!(screen_rows(b"\x1b[31;9mabc\x1b[0m", 3), 1);
        assert_eq!(screen_rows(b"\tx", 8), 2);
    }

    #[test]
    fn longer_than_the_screen_is_paged() {
        // Output held for a 3-row screen is paged when it needs 3 rows.
        let mut out = Output {
            state: State::Held { held: Vec::new(), rows: 3, cols: 10, used: 0, line_start: 0 },
            command: "exit 0".into(),
        };
        out.write_all(b"one\ntwo").unwrap();
        assert!(matches!(out.state, State::Held { used: 1, .. }));
        out.write_all(b"\nthree and more than ten columns\n").unwrap();
        assert!(matches!(out.state, State::Paged { .. } | State::Direct(_)));
        drop(out);
    }
}
