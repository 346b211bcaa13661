// PthreadCondition.swift: a pthread mutex with a condition variable, for threads that sleep until told.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A pthread mutex and a condition variable that waits on it: what ``WriteBehind`` and ``LockedState`` sleep
/// on. ThreadSanitizer understands both.
final class PthreadCondition: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    /// Creates an unlocked mutex and its condition.
    init() {
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
        condition.initialize(to: pthread_cond_t())
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        condition.deallocate()
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Locks the mutex.
    @inline(__always)
    func lock() { pthread_mutex_lock(mutex) }

    /// Unlocks the mutex.
    @inline(__always)
    func unlock() { pthread_mutex_unlock(mutex) }

    /// Unlocks the mutex, sleeps until woken (or spuriously), and locks it again. Call with the mutex locked, in
    /// a loop that tests what is waited for.
    @inline(__always)
    func wait() { pthread_cond_wait(condition, mutex) }

    /// Wakes one sleeping thread.
    @inline(__always)
    func signal() { pthread_cond_signal(condition) }

    /// Wakes every sleeping thread.
    @inline(__always)
    func broadcast() { pthread_cond_broadcast(condition) }
}
