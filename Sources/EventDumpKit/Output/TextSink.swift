// TextSink.swift: where a command's output goes (a buffered file descriptor, or a string in tests).

/// Receives a command's text output.
public protocol TextSink: AnyObject {
    /// Appends `text`.
    func write(_ text: String)
    /// Appends UTF-8 bytes.
    func write(bytes: UnsafeRawBufferPointer)
    /// Pushes buffered text out.
    func flush()
    /// Whether the output is a terminal (text from logs is then escaped in every format).
    var isTerminal: Bool { get }
    /// The `errno` of the first write that failed (`EPIPE` for a closed pipe, `ENOSPC` for a full disk), or
    /// `nil` while every write has succeeded. Once set, later output is dropped. Safe to read from any thread.
    var writeError: Int32? { get }
}

extension TextSink {
    /// Not a terminal, unless the sink says otherwise.
    public var isTerminal: Bool { false }
    /// No write fails, unless the sink says otherwise.
    public var writeError: Int32? { nil }
}
