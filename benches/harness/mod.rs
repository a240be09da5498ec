//! The timing loop every bench shares: a warm-up run, then the median and the worst of `runs`.

use std::hint::black_box;
use std::time::{Duration, Instant};

/// Runs `f` `runs` times and prints the median and the worst duration under `name`.
pub fn time<T>(name: &str, runs: u32, mut f: impl FnMut() -> T) {
    let _ = black_box(f()); // warm up
    let mut samples: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed()
        })
        .collect();
    samples.sort();
    let median = samples[samples.len() / 2];
    let worst = samples[samples.len() - 1];
    println!("{name:<48} median {median:>10.2?}   worst {worst:>10.2?}   ({runs} runs)");
}
