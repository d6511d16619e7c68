//! Two pieces of work at once, on the machine's two cores.

/// Runs `a` on a second thread and `b` on this one, and returns both
/// results. A panic in `a` goes on in the caller.
pub(crate) fn join<A: Send, B>(a: impl FnOnce() -> A + Send, b: impl FnOnce() -> B) -> (A, B) {
    std::thread::scope(|s| {
        let a = s.spawn(a);
        let b = b();
        (a.join().unwrap_or_else(|e| std::panic::resume_unwind(e)), b)
    })
}
