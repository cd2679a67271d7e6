//! The `qunxue` binary: the command line of [`qunxue_cli`].

fn main() -> std::process::ExitCode {
    qunxue_cli::run_from(std::env::args_os())
}
