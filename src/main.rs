//! The `assess` binary: all behaviour lives in the library.

fn main() -> std::process::ExitCode {
    assess::cli::main()
}
