// NumberText.swift: a number's text in a fixed-size value, made by the standard library without a string.

/// The text ``NumberFormatting/text(_:)`` gives a `Double` (the shortest that reads back exactly; `NaN`, `inf`,
/// `-inf`), held in 24 bytes, so that it can be made on one thread and stored on another without allocating.
///
/// The digits are the standard library's: `Double.write(to:)` hands them to a stream's `_writeASCII`, which
/// copies them here without making a string.
struct NumberText {
    /// The longest text: `-2.2250738585072014e-308`.
    static let maximumLength = 24

    private var bytes: (UInt64, UInt64, UInt64) = (0, 0, 0)
    /// The text's length in bytes.
    private(set) var count = 0

    /// The text of `value`.
    init(_ value: Double) {
        count = withUnsafeMutableBytes(of: &bytes) { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            var stream = MemoryStream(cursor: base)
            if value.isFinite {
                value.write(to: &stream)
            } else {
                stream.write(NumberFormatting.text(value))
            }
            return stream.cursor - base
        }
    }

    /// Stores the text at `destination`, which has room for ``maximumLength`` bytes (all of them may be
    /// written), and returns its length.
    @inline(__always)
    func store(at destination: UnsafeMutableRawPointer) -> Int {
        destination.storeBytes(of: bytes.0, as: UInt64.self)
        destination.storeBytes(of: bytes.1, toByteOffset: 8, as: UInt64.self)
        destination.storeBytes(of: bytes.2, toByteOffset: 16, as: UInt64.self)
        return count
    }
}
