// StringSink.swift: a text sink that collects what is written, for tests.

/// Collects output in a string (for tests).
final class StringSink: TextSink {
    /// Everything written so far.
    private(set) var text = ""
    /// Creates an empty sink.
    init() {}
    /// Appends `text`.
    func write(_ text: String) { self.text += text }
    /// Appends UTF-8 bytes (invalid sequences become U+FFFD).
    func write(bytes: UnsafeRawBufferPointer) { text += String(decoding: bytes, as: UTF8.self) }
    /// Does nothing: the text is already collected.
    func flush() {}
}
