// TextSink.swift: where a command's output goes: a buffered file descriptor, or a string in tests.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

/// Receives a command's text output.
public protocol TextSink: AnyObject {
    /// Appends `text`.
    func write(_ text: String)
    /// Pushes buffered text out.
    func flush()
}

/// Writes to a file descriptor through a 64 KiB buffer, so that a large table costs few system calls.
public final class FileDescriptorSink: TextSink {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private let capacity = 1 << 16
    /// Whether a write failed (for example a closed pipe); later output is dropped.
    public private(set) var failed = false

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

    public func write(_ text: String) {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= capacity { flush() }
    }

    public func flush() {
        guard !buffer.isEmpty else { return }
        defer { buffer.removeAll(keepingCapacity: true) }
        guard !failed else { return }
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { bytes in
                systemWrite(descriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
            }
            if written > 0 {
                offset += written
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                failed = true
                return
            }
        }
    }

    /// Whether the descriptor is a terminal.
    public var isTerminal: Bool { isatty(descriptor) != 0 }
}

/// Collects output in a string (for tests).
public final class StringSink: TextSink {
    /// Everything written so far.
    public private(set) var text = ""
    /// Creates an empty sink.
    public init() {}
    public func write(_ text: String) { self.text += text }
    public func flush() {}
}
