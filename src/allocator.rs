//! The allocator's settings, made before anything allocates much. Part of the binary
//! (`main.rs` declares it), not of the library.

use libmimalloc_sys::{mi_option_set, mi_option_t};

/// `mi_option_purge_delay` of mimalloc 3's `include/mimalloc.h`. libmimalloc-sys names
/// only a few options as constants (it leaves the others out "for stability reasons"),
/// not this one; `the_purge_delay_option_is_the_one_named` checks the number.
const MI_OPTION_PURGE_DELAY: mi_option_t = 15;

/// Both settings below; called first thing in `main`.
pub(crate) fn tune() {
    keep_freed_memory();
    small_pages();
}

/// Freed memory is kept for reuse instead of being handed back to the system a second
/// later: fresh memory is slow to touch on virtual machines, where the kernel zeroing
/// pages is a fifth of a build's processor time. The preview server redoes much the
/// same work on every save (zeroing was 12 % of a front-matter edit's processor time
/// at 10,000 articles); a build hands back parts of its arena mid-run otherwise and
/// then faults them in again (10,000 articles in memory: system time 0.33 → 0.27 s,
/// wall 0.60 → 0.54 s, peak +10 MB; see BENCHMARKS.md).
fn keep_freed_memory() {
    // SAFETY: called first thing in `main`, before any other thread exists (the option
    // setter is not thread-safe); -1 means "never purge".
    unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
}

/// Memory comes in pages of 4 KB, not 2 MB "huge" ones. On a virtual machine whose host
/// takes back the memory its guest frees (free page reporting), a huge page is cut
/// from the large free blocks, the ones handed back; touching it first waits for the
/// host to give it again. Small pages come from what was freed recently. Right after
/// a Hugo build (which frees 1.9 GB), 10,000 articles built in 0.86–0.94 s instead of
/// 0.99–1.01 s, peaking at 193 MB instead of 230 MB; without Hugo before, the same
/// (see BENCHMARKS.md). mimalloc asks for huge pages before `main` runs, so its own
/// option comes too late: the process opts out instead.
fn small_pages() {
    #[cfg(target_os = "linux")]
    let _ = rustix::thread::disable_transparent_huge_pages(true);
}

#[cfg(test)]
mod tests {
    use libmimalloc_sys::mi_option_get;

    use super::MI_OPTION_PURGE_DELAY;

    /// The option numbered `MI_OPTION_PURGE_DELAY` holds the purge delay's default in
    /// mimalloc 3 (1000 ms, `src/options.c`), and its neighbours hold theirs: the
    /// deprecated eager-commit delay before it (1) and the NUMA nodes to use after it (0).
    #[test]
    fn the_purge_delay_option_is_the_one_named() {
        // SAFETY: the getter is not thread-safe against setters, and no test sets options.
        let option = |n| unsafe { mi_option_get(n) };
        assert_eq!(option(MI_OPTION_PURGE_DELAY), 1000);
        assert_eq!(option(MI_OPTION_PURGE_DELAY - 1), 1);
        assert_eq!(option(MI_OPTION_PURGE_DELAY + 1), 0);
    }
}
