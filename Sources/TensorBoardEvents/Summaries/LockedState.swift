// LockedState.swift: a value behind a lock that costs one atomic instruction to take and one to release.

import Synchronization

/// A value that is only reached with a lock held.
///
/// The lock is a word with three states, 0 (free), 1 (held) and 2 (held, and a thread may be waiting), after
/// the futex mutex of Drepper's "Futexes Are Tricky", with a ``PthreadCondition`` where the futex would sleep:
/// taking a free lock is one compare-and-swap, releasing it one exchange, and only a thread that finds it held,
/// or releases it with a thread waiting, touches the pthread pair. (A `pthread_mutex_t` cost 57 instructions
/// a lock and an unlock, and a scalar write about 19 ns more in the benchmark.) Every change of the word is an
/// atomic operation with acquire or release ordering, which ThreadSanitizer understands; `Synchronization.Mutex`
/// on Linux sleeps in the kernel's priority-inheritance futex, which it does not, and reported every access
/// under it as a race.
///
/// The value lives in memory of its own, reached through a pointer, rather than in a stored `var` of the
/// class: the lock is what keeps accesses apart, and a class's `var` would add a dynamic exclusivity check (a
/// runtime call and a thread-local access set, about 120 instructions) to every ``withLock(_:)``.
final class LockedState<State: ~Copyable>: @unchecked Sendable {
    private let word = Atomic<UInt32>(0)
    /// Where threads that find the lock held sleep.
    private let sleepers = PthreadCondition()
    private let state: UnsafeMutablePointer<State>

    /// Wraps `state`.
    init(_ state: consuming State) {
        self.state = UnsafeMutablePointer<State>.allocate(capacity: 1)
        self.state.initialize(to: state)
    }

    deinit {
        state.deinitialize(count: 1)
        state.deallocate()
    }

    /// Runs `body` with the lock held and the state lent to it.
    @inline(__always)
    func withLock<R, E: Error>(_ body: (inout State) throws(E) -> R) throws(E) -> R {
        let state = lock()
        defer { unlock() }
        return try body(&state.pointee)
    }

    /// Takes the lock and returns the state's address, for holding the lock outside a closure (``withLock(_:)``
    /// is built on it; the tests hold it while another thread waits). Every call must be followed by
    /// ``unlock()``, and the address not used after it.
    @inline(__always)
    func lock() -> UnsafeMutablePointer<State> {
        if !word.compareExchange(expected: 0, desired: 1, ordering: .acquiring).exchanged {
            waitForLock()
        }
        return state
    }

    /// Releases the lock taken by ``lock()``.
    @inline(__always)
    func unlock() {
        if word.exchange(0, ordering: .releasing) == 2 {
            wakeOne()
        }
    }

    /// The lock was held: marks it as waited for and sleeps until it is free, then holds it (in state 2, since
    /// another thread may still be waiting).
    @inline(never)
    private func waitForLock() {
        sleepers.lock()
        // The mark is set under `sleepers`, which a releasing thread takes before it signals, so no wake-up is
        // lost between the mark and the wait.
        while word.exchange(2, ordering: .acquiring) != 0 {
            sleepers.wait()
        }
        sleepers.unlock()
    }

    /// Wakes one sleeping thread, after a release that found the lock waited for.
    @inline(never)
    private func wakeOne() {
        sleepers.lock()
        sleepers.signal()
        sleepers.unlock()
    }
}
