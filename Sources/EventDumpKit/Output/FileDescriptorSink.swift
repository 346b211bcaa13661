// FileDescriptorSink.swift: a text sink writing to a file descriptor.

import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `write(2)`, by a name the sink's own `write` methods do not hide.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

/// Writes to a file descriptor through a 64 KiB buffer, so that a large table costs few system calls.
public final class FileDescriptorSink: TextSink {
    /// The descriptor written to (``FollowWait`` watches it for a reader that has gone away).
    let descriptor: Int32
    private var buffer: [UInt8] = []
    private let capacity = 1 << 16
    /// The `errno` of the first failed write, 0 while none has failed (an atomic, so that a reading thread can
    /// stop when the writing thread's output is gone).
    private let failure = Atomic<Int32>(0)

    /// Creates a sink writing to `descriptor`.
    /// - Parameter descriptor: 1 for standard output, 2 for standard error.
    public init(descriptor: Int32) {
        self.descriptor = descriptor
        buffer.reserveCapacity(capacity)
    }

    deinit { flush() }

    /// Standard output.
    nonisolated(unsafe) public static let standardOutput = FileDescriptorSink(descriptor: 1)
    /// Standard error.
    nonisolated(unsafe) public static let standardError = FileDescriptorSink(descriptor: 2)

    /// Whether a write failed (for example a closed pipe); later output is dropped.
    public var failed: Bool { writeError != nil }

    /// The `errno` of the first write that failed, or `nil`.
    public var writeError: Int32? {
        let code = failure.load(ordering: .relaxed)
        return code == 0 ? nil : code
    }

    /// Appends `text` to the buffer, writing the buffer out when it is full.
    public func write(_ text: String) {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= capacity { flush() }
    }

    /// Appends `bytes` to the buffer, or writes them straight out (after the buffer) when they do not fit.
    public func write(bytes: UnsafeRawBufferPointer) {
        if buffer.count + bytes.count < capacity {
            buffer.append(contentsOf: bytes)
            return
        }
        flush()
        writeAll(bytes)
    }

    /// Writes the buffer out.
    public func flush() {
        guard !buffer.isEmpty else { return }
        defer { buffer.removeAll(keepingCapacity: true) }
        buffer.withUnsafeBytes { writeAll($0) }
    }

    /// Writes all of `bytes` to the descriptor, retrying after interruptions and partial writes; the first failure
    /// is remembered and everything after it dropped.
    private func writeAll(_ bytes: UnsafeRawBufferPointer) {
        guard !failed, let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let written = systemWrite(descriptor, base + offset, bytes.count - offset)
            if written > 0 {
                offset += written
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                // A write that makes no progress without an error would loop forever: count it as EIO.
                let code = written < 0 && errno != 0 ? errno : EIO
                failure.store(code, ordering: .relaxed)
                return
            }
        }
    }

    /// Whether the descriptor is a terminal.
    public var isTerminal: Bool { isatty(descriptor) != 0 }
}
