// LockedValue.swift: a value that is only reached with a pthread mutex held.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A value behind a mutex, as swift-nio's `NIOLockedValueBox` keeps one: the value is reached only inside
/// ``withLock(_:)``.
///
/// A pthread mutex rather than `Synchronization.Mutex`: ThreadSanitizer, which the tests run under, does not
/// see through the latter's futex on Linux and reports every access under it as a race. The value lives in
/// memory of its own, reached through a pointer, because the lock is what keeps accesses apart (a stored `var`
/// of the class would add a dynamic exclusivity check to every access).
package final class LockedValue<Value: ~Copyable>: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let value: UnsafeMutablePointer<Value>

    /// Wraps `value`.
    package init(_ value: consuming Value) {
        mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
        self.value = UnsafeMutablePointer<Value>.allocate(capacity: 1)
        self.value.initialize(to: value)
    }

    deinit {
        value.deinitialize(count: 1)
        value.deallocate()
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` with the lock held and the value lent to it.
    /// - Parameter body: Reads or changes the value; it must not call ``withLock(_:)`` on this box again.
    /// - Returns: What `body` returned.
    /// - Throws: What `body` threw.
    @inline(__always)
    package func withLock<R, E: Error>(_ body: (inout Value) throws(E) -> R) throws(E) -> R {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value.pointee)
    }
}
