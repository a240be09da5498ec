//! The `assess` binary: all behaviour lives in the library.

/// mimalloc: start-up and the merge driver allocate hundreds of thousands of small strings on
/// two threads, where glibc's arenas grow page by page.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    assess::cli::main()
}
