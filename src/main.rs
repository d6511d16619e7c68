//! The `editions` command.

mod cli;
mod cli_store;

fn main() {
    std::process::exit(cli::run(std::env::args_os()));
}
