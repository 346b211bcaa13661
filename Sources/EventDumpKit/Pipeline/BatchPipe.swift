// BatchPipe.swift: hands batches from a producer thread to the calling thread, a bounded number in flight.

import Dispatch
import Foundation
import TensorBoardEvents

/// Runs a producer on a second thread while the calling thread consumes what it produces, so that reading and
/// decoding a log overlaps with formatting and writing the output (the two halves of `eventdump scalars`).
///
/// At most `depth` batches wait between the two, so memory stays bounded however large the log. The producer's
/// error, if any, is rethrown once every batch it sent before it has been consumed.
enum BatchPipe {
    /// The producer's end of the pipe.
    struct Sender<Batch> {
        fileprivate let channel: Channel<Batch>

        /// Sends a batch, waiting while the pipe is full.
        func send(_ batch: Batch) { channel.send(.batch(batch)) }

        /// How many batches wait for the consumer now. A producer that finds the pipe filling can do some of
        /// the consumer's work before sending (and so keep both threads busy).
        var backlog: Int { channel.count }
    }

    /// Runs `produce` on a new thread, passing it the pipe's ``Sender``, and calls `consume` on the calling
    /// thread with each batch sent, in order.
    /// - Parameters:
    ///   - depth: The most batches waiting at once.
    ///   - produce: Produces batches; runs on another thread, so it must not touch what `consume` touches.
    ///   - consume: Consumes one batch; runs on the calling thread.
    /// - Throws: What `produce` threw, after the batches it sent before.
    static func run<Batch>(
        depth: Int = 4,
        produce: @escaping (_ pipe: Sender<Batch>) throws -> Void,
        consume: (Batch) -> Void
    ) throws {
        let channel = Channel<Batch>(depth: max(1, depth))
        let producer = UncheckedBox(produce)
        let sender = UncheckedBox(Sender(channel: channel))
        // A thread inherits no task-local values: the store s3:// paths resolve to in this task goes along.
        let store = ObjectStoragePath.storeOverride
        let thread = Thread {
            ObjectStoragePath.$storeOverride.withValue(store) {
                do {
                    try producer.value(sender.value)
                    channel.send(.end(nil))
                } catch {
                    channel.send(.end(UncheckedBox(error)))
                }
            }
        }
        thread.stackSize = 1 << 20
        thread.start()
        while true {
            switch channel.receive() {
            case .batch(let batch): consume(batch)
            case .end(let error?): throw error.value
            case .end(nil): return
            }
        }
    }
}

/// A value handed between threads under a discipline the compiler cannot check (documented where used).
private struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// A bounded FIFO queue between one sender thread and one receiver thread. The queue is guarded by an `NSLock`
/// (a pthread mutex, which ThreadSanitizer understands; it does not see through `Synchronization.Mutex`'s
/// futexes on Linux and would report false races).
private final class Channel<Batch>: @unchecked Sendable {
    enum Message {
        case batch(Batch)
        case end(UncheckedBox<Error>?)
    }

    private let slots: DispatchSemaphore
    private let filled = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var queue: [Message] = []

    init(depth: Int) { slots = DispatchSemaphore(value: depth) }

    func send(_ message: Message) {
        slots.wait()
        lock.withLock { queue.append(message) }
        filled.signal()
    }

    /// The messages waiting.
    var count: Int { lock.withLock { queue.count } }

    func receive() -> Message {
        filled.wait()
        let message = lock.withLock { queue.removeFirst() }
        slots.signal()
        return message
    }
}
