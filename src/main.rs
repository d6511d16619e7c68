//! The `editions` command.

mod cli;
mod cli_blame;
mod cli_git;
mod cli_pager;
mod cli_progress;
mod cli_store;

fn main() {
    std::process::exit(cli::run(std::env::args_os()));
}
