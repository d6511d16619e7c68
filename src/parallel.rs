//! Two pieces of work at once, on the machine's two cores.

use std::cell::Cell;

thread_local! {
    /// Whether this thread is one of two already at work: then a `join`
    /// inside it runs both parts in turn. (Blaming 160 FOMC statements
    /// aligns the pairs two at a time, and each alignment joined five
    /// times: starting and ending those 800 threads was a fifth of the
    /// work.)
    static INSIDE: Cell<bool> = const { Cell::new(false) };
}

/// Marks this thread as at work in a join until dropped.
struct Inside(bool);

impl Inside {
    fn enter() -> Inside {
        Inside(INSIDE.replace(true))
    }
}

impl Drop for Inside {
    fn drop(&mut self) {
        INSIDE.set(self.0);
    }
}

/// Runs `a` on a second thread and `b` on this one, and returns both
/// results; inside another join, one after the other on this thread. A
/// panic in `a` goes on in the caller.
pub(crate) fn join<A: Send, B>(a: impl FnOnce() -> A + Send, b: impl FnOnce() -> B) -> (A, B) {
    if INSIDE.get() {
        return (a(), b());
    }
    std::thread::scope(|s| {
        let a = s.spawn(|| {
            let _inside = Inside::enter();
            a()
        });
        let b = {
            let _inside = Inside::enter();
            b()
        };
        (a.join().unwrap_or_else(|e| std::panic::resume_unwind(e)), b)
    })
}

/// `f` of every item, in order: two threads each take the next item not
/// yet taken, so that uneven items still share the work evenly.
pub(crate) fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else {
                return done;
            };
            done.push((i, f(item)));
        }
    };
    let (mut a, b) = join(work, work);
    a.extend(b);
    a.sort_unstable_by_key(|(i, _)| *i);
    a.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_join_inside_a_join_runs_in_turn() {
        let outer = std::thread::current().id();
        let (a, b) = super::join(
            || super::join(|| std::thread::current().id(), || std::thread::current().id()),
            || std::thread::current().id(),
        );
        assert_eq!(a.0, a.1, "the inner join stays on its thread");
        assert_eq!(b, outer);
        assert!(!super::INSIDE.get(), "left as it was");
    }

    #[test]
    fn map_keeps_the_order() {
        let items: Vec<u64> = (0..1000).collect();
        // Uneven work: some items take far longer than others.
        let squares = super::map(&items, |&i| (0..i % 97 * 100).fold(i * i, |a, _| std::hint::black_box(a)));
        assert_eq!(squares, items.iter().map(|i| i * i).collect::<Vec<_>>());
    }
}
