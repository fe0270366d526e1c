//! How long each stage took, printed when `BRIEFING_TIMINGS` is set (for profiling).

use std::time::Instant;

/// Prints how long each stage took when `BRIEFING_TIMINGS` is set (for profiling): wall
/// time, processor time of all threads (Linux), and resident memory (Linux).
pub(crate) struct Stopwatch {
    last: Option<(Instant, f64)>,
}

impl Stopwatch {
    pub(crate) fn start() -> Stopwatch {
        Stopwatch { last: std::env::var_os("BRIEFING_TIMINGS").map(|_| (Instant::now(), cpu_ms())) }
    }

    pub(crate) fn lap(&mut self, stage: &str) {
        if let Some((wall, cpu)) = self.last {
            // On a virtual machine, touching fresh memory is a large part of the time.
            let resident = std::fs::read_to_string("/proc/self/statm")
                .ok()
                .and_then(|s| s.split_whitespace().nth(1)?.parse::<u64>().ok())
                .map_or(String::new(), |pages| format!("  {:>5} MB resident", pages * 4096 / 1_000_000));
            let now = cpu_ms();
            let _ = crate::out::stderr(&format!(
                "timing: {stage:<18} {:>7.1} ms  {:>7.1} ms cpu{resident}\n",
                wall.elapsed().as_secs_f64() * 1000.0,
                now - cpu
            ));
            self.last = Some((Instant::now(), now));
        }
    }
}

/// User and system time of the whole process so far, in milliseconds (0 where
/// `/proc` is missing).
fn cpu_ms() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // The fields after the command name (which may hold spaces: split after its `)`);
    // utime and stime are the 14th and 15th of the line, in ticks of 1/100 s.
    let fields: Vec<&str> = stat.rsplit_once(')').map_or("", |(_, rest)| rest).split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) * 10.0
}
