// LockedState.swift: a value behind a pthread mutex.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A value that is only reached with a lock held.
///
/// Why not `Synchronization.Mutex`: on Linux it locks with raw futex calls that ThreadSanitizer cannot see,
/// so every access under it is reported as a race; a pthread mutex is understood by the sanitizer and costs
/// the same uncontended (about 20 ns for a lock and an unlock).
///
/// The value lives in memory of its own, reached through a pointer, rather than in a stored `var` of the
/// class: the lock is what keeps accesses apart, and a class's `var` would add a dynamic exclusivity check (a
/// runtime call and a thread-local access set, about 120 instructions) to every ``withLock(_:)``.
final class LockedState<State: ~Copyable>: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let state: UnsafeMutablePointer<State>

    /// Wraps `state`.
    init(_ state: consuming State) {
        mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
        self.state = UnsafeMutablePointer<State>.allocate(capacity: 1)
        self.state.initialize(to: state)
    }

    deinit {
        state.deinitialize(count: 1)
        state.deallocate()
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` with the lock held and the state lent to it.
    @inline(__always)
    func withLock<R, E: Error>(_ body: (inout State) throws(E) -> R) throws(E) -> R {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&state.pointee)
    }
}
