// WriteBehind.swift: a thread of its own that writes one buffer at a time to a file, while the caller fills the next.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What writing a buffer out did: the bytes the file gained, and the failure, if any.
struct WriteOutcome {
    /// Bytes of the buffer now in the file: all of them, or none after a failure (a partial write is cut off).
    var written: Int
    /// Why the write failed.
    var failure: SystemError?
    /// Whether, after a whole write, the file had no name left (its directory or the file was removed).
    var fileRemoved: Bool

    /// Writes `count` bytes from `bytes` at the end of the file open as `descriptor`, whose first
    /// `committedSize` bytes hold whole records. When the write fails part way, the file is cut back to
    /// `committedSize` (and the offset moved there), so it never ends in part of a record.
    static func write(
        _ bytes: UnsafeRawPointer,
        count: Int,
        to descriptor: Int32,
        committedSize: Int64
    ) -> WriteOutcome {
        let (written, failure) = SystemCalls.writeAll(descriptor, from: bytes, count: count)
        if let failure {
            if written > 0 {
                _ = SystemCalls.truncate(descriptor, to: committedSize)
                SystemCalls.seek(descriptor, to: committedSize)
            }
            return WriteOutcome(written: 0, failure: failure, fileRemoved: false)
        }
        var removed = false
        if case .success(let status) = SystemCalls.status(descriptor), status.linkCount == 0 { removed = true }
        return WriteOutcome(written: written, failure: nil, fileRemoved: removed)
    }
}

/// A thread that writes buffers to a file one at a time, so that the thread filling them goes on with the next
/// one instead of waiting for the kernel (as TensorBoard's and tensorboardX's writers do with their own
/// threads). ``EventFileWriter`` starts at most one write and waits for it before starting another, flushing,
/// or closing, so the file gets the buffers whole and in order.
///
/// Synchronised with a ``PthreadCondition``, which ThreadSanitizer understands. The buffer of a started write
/// belongs to this thread until ``wait()`` returns.
final class WriteBehind: @unchecked Sendable {
    private struct Job {
        var bytes: UnsafeRawPointer
        var count: Int
        var descriptor: Int32
        var committedSize: Int64
    }

    /// Signalled when a job is given, done, or the thread is asked to stop.
    private let changed = PthreadCondition()
    private var thread: pthread_t?
    // Guarded by `changed`.
    private var job: Job?
    private var outcome: WriteOutcome?
    private var stopping = false

    private init() {}

    /// Starts the thread, or returns `nil` when the system cannot (the caller then writes by itself).
    static func start() -> WriteBehind? {
        let worker = WriteBehind()
        let context = Unmanaged.passRetained(worker).toOpaque()
        #if canImport(Darwin)
        var thread: pthread_t?
        #else
        var thread = pthread_t()
        #endif
        let result = pthread_create(
            &thread,
            nil,
            { context in
                #if canImport(Darwin)
                let context: UnsafeMutableRawPointer = context
                #else
                guard let context else { return nil }
                #endif
                Unmanaged<WriteBehind>.fromOpaque(context).takeRetainedValue().run()
                return nil
            },
            context
        )
        guard result == 0 else {
            Unmanaged<WriteBehind>.fromOpaque(context).release()
            return nil
        }
        worker.thread = thread
        return worker
    }

    /// Starts writing `count` bytes at `bytes` to `descriptor`; the memory must stay valid and unchanged until
    /// ``wait()`` returns. No other write may be under way.
    func write(_ bytes: UnsafeRawPointer, count: Int, to descriptor: Int32, committedSize: Int64) {
        changed.lock()
        job = Job(bytes: bytes, count: count, descriptor: descriptor, committedSize: committedSize)
        outcome = nil
        changed.broadcast()
        changed.unlock()
    }

    /// Waits for the write under way to finish and returns what it did.
    func wait() -> WriteOutcome {
        changed.lock()
        while outcome == nil { changed.wait() }
        let result = outcome ?? WriteOutcome(written: 0, failure: nil, fileRemoved: false)
        outcome = nil
        changed.unlock()
        return result
    }

    /// Ends the thread once the write under way (if any) is done, and waits for it to exit.
    func stop() {
        changed.lock()
        stopping = true
        changed.broadcast()
        changed.unlock()
        if let thread { pthread_join(thread, nil) }
        thread = nil
    }

    private func run() {
        changed.lock()
        while true {
            if let next = job {
                job = nil
                changed.unlock()
                let result = WriteOutcome.write(
                    next.bytes,
                    count: next.count,
                    to: next.descriptor,
                    committedSize: next.committedSize
                )
                changed.lock()
                outcome = result
                changed.broadcast()
            } else if stopping {
                break
            } else {
                changed.wait()
            }
        }
        changed.unlock()
    }
}
