//! Progress on long work (reading many editions, snapshots, timelines,
//! large comparisons): a bar on standard error, drawn only when both
//! standard error and standard output are a terminal, the output is not
//! JSON, and the work has taken longer than [`DELAY`]. In a pipe, a file
//! or JSON nothing is drawn.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::sync::mpsc;
use std::time::Duration;

/// How long work runs before its bar appears: shorter work shows none.
pub const DELAY: Duration = Duration::from_millis(500);

/// Whether a bar may be drawn: standard error is a terminal to draw on,
/// standard output is a terminal too (a bar beside output piped to
/// `less` or a file would scribble on the pager's screen), and the output
/// is no JSON for a program.
pub fn allowed(stderr_is_terminal: bool, stdout_is_terminal: bool, json: bool) -> bool {
    stderr_is_terminal && stdout_is_terminal && !json
}

/// Whether a bar allowed on this process's terminals, for output that is
/// `json` or not.
pub fn allowed_here(json: bool) -> bool {
    allowed(std::io::stderr().is_terminal(), std::io::stdout().is_terminal(), json)
}

/// A progress bar, hidden until the work has taken [`DELAY`]; cleared when
/// finished or dropped.
pub struct Progress {
    bar: Option<ProgressBar>,
    shown: Option<(mpsc::Sender<()>, std::thread::JoinHandle<()>)>,
}

impl Progress {
    /// A bar for `total` steps (a spinner when `None`) saying `message`,
    /// drawn only when `allowed`.
    pub fn new(total: Option<usize>, message: &str, allowed: bool) -> Progress {
        if !allowed {
            return Progress { bar: None, shown: None };
        }
        let template = match total {
            Some(_) => "{spinner} {msg} [{bar:30}] {pos}/{len} {prefix:.dim}",
            None => "{spinner} {msg} {elapsed}",
        };
        let style = ProgressStyle::with_template(template)
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> ");
        let bar = ProgressBar::with_draw_target(total.map(|t| t as u64), ProgressDrawTarget::hidden())
            .with_style(style)
            .with_message(message.to_string());
        let (tx, rx) = mpsc::channel::<()>();
        let late = bar.clone();
        let waiter = std::thread::spawn(move || {
            // Finishing drops the sender: then the wait ends at once.
            if rx.recv_timeout(DELAY) == Err(mpsc::RecvTimeoutError::Timeout) {
                late.set_draw_target(ProgressDrawTarget::stderr());
                late.enable_steady_tick(Duration::from_millis(100));
            }
        });
        Progress { bar: Some(bar), shown: Some((tx, waiter)) }
    }

    /// `done` steps done; `what` is being worked on.
    pub fn set(&self, done: usize, what: &str) {
        if let Some(bar) = &self.bar {
            bar.set_position(done as u64);
            bar.set_prefix(what.to_string());
        }
    }

    /// Runs `f` with the bar off the screen (for lines written meanwhile).
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.bar {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    /// Clears the bar.
    pub fn finish(mut self) {
        self.clear();
    }

    fn clear(&mut self) {
        if let Some((tx, waiter)) = self.shown.take() {
            drop(tx);
            let _ = waiter.join();
        }
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drawn_only_on_terminals_and_never_for_json() {
        assert!(allowed(true, true, false));
        assert!(!allowed(false, true, false));
        assert!(!allowed(true, false, false));
        assert!(!allowed(true, true, true));
    }

    #[test]
    fn short_work_shows_no_bar() {
        let p = Progress::new(Some(3), "reading", true);
        p.set(1, "a");
        assert!(p.bar.as_ref().is_some_and(ProgressBar::is_hidden));
        p.finish();
        let p = Progress::new(Some(3), "reading", false);
        assert!(p.bar.is_none());
    }
}
