// ScalarRowEncoder.swift: the hot loop of `eventdump scalars --format csv|tsv`, rows encoded straight into bytes.

import TensorBoardEvents

/// Encodes the rows of `eventdump scalars` (run, tag, step, wall_time, value) as CSV or TSV into a raw buffer
/// that goes to the sink 64 KiB at a time: the run and tag fields are encoded once per series and copied after
/// that 16 bytes at a time, and numbers are written into the buffer without making strings. The bytes are
/// exactly those ``TableWriter`` writes for the same rows (tested).
final class ScalarRowEncoder {
    private static let capacity = 1 << 16
    /// The most bytes a row takes after its prefix: a step (20), two numbers (24 each: "-2.2250738585072014e-308"),
    /// two separators and the newline.
    private static let longestNumbers = 20 + 24 + 24 + 3
    private let separator: UInt8
    private let sink: TextSink
    /// Whether run names and tags are escaped (on a terminal), as ``TableWriter`` does.
    private let escapesControlCharacters: Bool
    private let buffer: UnsafeMutableRawPointer
    private var count = 0
    private var runField: [UInt8] = []
    /// Every "run<sep>tag<sep>" of the current run, each starting at a multiple of 16 bytes and padded with zeros
    /// to the next (so that it can be copied in whole 16-byte pieces), and where each series' one is.
    private var prefixBytes: [UInt8] = []
    private var prefixRanges: [Range<Int>?] = []

    /// A CSV or TSV encoder writing the header now, or `nil` for the other formats.
    init?(format: OutputFormat, sink: TextSink) {
        switch format {
        case .csv: separator = UInt8(ascii: ",")
        case .tsv: separator = UInt8(ascii: "\t")
        case .text, .markdown, .json, .jsonl: return nil
        }
        self.sink = sink
        escapesControlCharacters = sink.isTerminal
        buffer = UnsafeMutableRawPointer.allocate(byteCount: Self.capacity, alignment: 8)
        let character = Character(Unicode.Scalar(separator))
        let header = ["run", "tag", "step", "wall_time", "value"].map { CSV.field($0, separator: character) }
        sink.write(header.joined(separator: String(character)) + "\n")
    }

    deinit { buffer.deallocate() }

    /// Starts the rows of a run.
    func startRun(_ name: String) {
        runField = Array(field(name).utf8)
        prefixBytes.removeAll(keepingCapacity: true)
        prefixRanges.removeAll(keepingCapacity: true)
    }

    /// Appends one row; `tag` is read only the first time a series index is seen in the run.
    func append(seriesIndex: Int, tag: @autoclosure () -> String, step: Int64, wallTime: Double, value: Double) {
        let range = prefixRange(seriesIndex, tag: tag)
        if count + range.count + Self.longestNumbers > Self.capacity { flush() }
        guard range.count + Self.longestNumbers <= Self.capacity else {
            writeLongRow(prefix: range, step: step, wallTime: wallTime, value: value)
            return
        }
        count = writeRow(at: buffer + count, prefix: range, step: step, wallTime: wallTime, value: value) - buffer
    }

    /// Texts of the points' numbers made ahead, by the thread that reads the points when it has time to spare,
    /// for ``append(_:tags:texts:)``: the values', and perhaps the wall times' too.
    struct PreparedTexts {
        /// The values' texts, one per point.
        var values: [ShortestDecimal.NumberText]
        /// The wall times' texts, one per point, or `nil`.
        var wallTimes: [ShortestDecimal.NumberText]?

        /// The texts of `points`' values, and of their wall times when `withWallTimes` is set.
        init(_ points: [ScalarPoint], withWallTimes: Bool) {
            values = points.map { ShortestDecimal.numberText($0.value) }
            wallTimes = withWallTimes ? points.map { ShortestDecimal.numberText($0.wallTime) } : nil
        }
    }

    /// Appends a row per point, in order.
    /// - Parameters:
    ///   - points: The points.
    ///   - tags: The tags by series index (read only the first time a series index is seen in the run; an index
    ///     past the end is an empty tag).
    ///   - texts: Texts of the points' numbers made ahead (one per point), or `nil` to make them all here.
    func append(_ points: [ScalarPoint], tags: [String], texts: PreparedTexts? = nil) {
        // Texts made ahead are used only where there is one per point.
        let values = texts.flatMap { $0.values.count == points.count ? $0.values : nil }
        let wallTimes = texts?.wallTimes.flatMap { $0.count == points.count ? $0 : nil }
        append(points, tags: tags) { position, wallTime, cursor in
            wallTimes?[position].store(at: cursor) ?? MemoryStream.storeNumber(wallTime, at: cursor)
        } value: { position, value, cursor in
            values?[position].store(at: cursor) ?? MemoryStream.storeNumber(value, at: cursor)
        }
    }

    /// ``append(_:tags:texts:)``, the wall time and the value of the point at each position stored by
    /// `storeWallTime` and `storeValue` (each returns the text's length; it has ``ShortestDecimal/maximumLength``
    /// bytes of room).
    @inline(__always)
    private func append(
        _ points: [ScalarPoint],
        tags: [String],
        wallTime storeWallTime: (_ position: Int, _ wallTime: Double, _ cursor: UnsafeMutableRawPointer) -> Int,
        value storeValue: (_ position: Int, _ value: Double, _ cursor: UnsafeMutableRawPointer) -> Int
    ) {
        // The write position stays in a register for the whole batch.
        var cursor = buffer + count
        let end = buffer + Self.capacity
        for (position, point) in points.enumerated() {
            let index = point.seriesIndex
            let range = prefixRange(index, tag: { index >= 0 && index < tags.count ? tags[index] : "" })
            if end - cursor < range.count + Self.longestNumbers {
                count = cursor - buffer
                flush()
                cursor = buffer
                guard range.count + Self.longestNumbers <= Self.capacity else {
                    writeLongRow(prefix: range, step: point.step, wallTime: point.wallTime, value: point.value)
                    continue
                }
            }
            cursor = writeRow(
                at: cursor,
                prefix: range,
                step: point.step,
                wallTime: { storeWallTime(position, point.wallTime, $0) },
                value: { storeValue(position, point.value, $0) }
            )
        }
        count = cursor - buffer
    }

    /// Writes a row at `cursor`, which has room for the prefix and ``longestNumbers``; returns the row's end.
    @inline(__always)
    private func writeRow(
        at cursor: UnsafeMutableRawPointer,
        prefix range: Range<Int>,
        step: Int64,
        wallTime: Double,
        value: Double
    ) -> UnsafeMutableRawPointer {
        writeRow(
            at: cursor,
            prefix: range,
            step: step,
            wallTime: { MemoryStream.storeNumber(wallTime, at: $0) },
            value: { MemoryStream.storeNumber(value, at: $0) }
        )
    }

    /// ``writeRow(at:prefix:step:wallTime:value:)`` with the numbers stored by `storeWallTime` and `storeValue`,
    /// which return their lengths (each has ``ShortestDecimal/maximumLength`` bytes of room).
    @inline(__always)
    private func writeRow(
        at cursor: UnsafeMutableRawPointer,
        prefix range: Range<Int>,
        step: Int64,
        wallTime storeWallTime: (UnsafeMutableRawPointer) -> Int,
        value storeValue: (UnsafeMutableRawPointer) -> Int
    ) -> UnsafeMutableRawPointer {
        var stream = MemoryStream(cursor: cursor)
        prefixBytes.withUnsafeBytes { stream.copyPadded(UnsafeRawBufferPointer(rebasing: $0[range])) }
        stream.writeInteger(step)
        stream.writeByte(separator)
        stream.cursor += storeWallTime(stream.cursor)
        stream.writeByte(separator)
        stream.cursor += storeValue(stream.cursor)
        stream.writeByte(UInt8(ascii: "\n"))
        return stream.cursor
    }

    /// A row whose tag is longer than the buffer: rare enough to go through strings (after the buffered rows).
    private func writeLongRow(prefix range: Range<Int>, step: Int64, wallTime: Double, value: Double) {
        flush()
        let separator = String(Unicode.Scalar(self.separator))
        sink.write(
            String(decoding: prefixBytes[range], as: UTF8.self) + String(step) + separator
                + NumberFormatting.text(wallTime) + separator + NumberFormatting.text(value) + "\n"
        )
    }

    /// A run name or tag as a CSV or TSV field.
    private func field(_ text: String) -> String {
        CSV.field(
            escapesControlCharacters ? TerminalSafety.escaped(text) : text,
            separator: Character(Unicode.Scalar(separator))
        )
    }

    /// Sends the buffered rows to the sink.
    func flush() {
        guard count > 0 else { return }
        sink.write(bytes: UnsafeRawBufferPointer(start: buffer, count: count))
        count = 0
    }

    /// Where the series' "run<sep>tag<sep>" is in `prefixBytes`, encoding it the first time.
    @inline(__always)
    private func prefixRange(_ seriesIndex: Int, tag: () -> String) -> Range<Int> {
        if seriesIndex < prefixRanges.count, let range = prefixRanges[seriesIndex] { return range }
        if seriesIndex >= prefixRanges.count {
            prefixRanges.append(contentsOf: repeatElement(nil, count: seriesIndex - prefixRanges.count + 1))
        }
        let start = prefixBytes.count
        prefixBytes += runField
        prefixBytes.append(separator)
        prefixBytes += field(tag()).utf8
        prefixBytes.append(separator)
        let range = start..<prefixBytes.count
        prefixBytes.append(contentsOf: repeatElement(0, count: (16 - prefixBytes.count % 16) % 16))
        prefixRanges[seriesIndex] = range
        return range
    }
}

/// Writes into memory the caller has reserved. Numbers' `write(to:)` hands their digits to `_writeASCII`
/// without making a string, which halves the cost of printing a `Double`.
private struct MemoryStream: TextOutputStream {
    var cursor: UnsafeMutableRawPointer

    mutating func write(_ string: String) {
        var string = string
        string.withUTF8 { copy(UnsafeRawBufferPointer($0)) }
    }

    mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) {
        copy(UnsafeRawBufferPointer(buffer))
    }

    @inline(__always)
    mutating func copy(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress else { return }
        cursor.copyMemory(from: base, byteCount: bytes.count)
        cursor += bytes.count
    }

    /// Copies `bytes` in 16-byte pieces, the last one whole: the 15 bytes after them must be readable, and may be
    /// overwritten here (by what follows them in `bytes`' storage).
    @inline(__always)
    mutating func copyPadded(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            cursor.storeBytes(
                of: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self),
                toByteOffset: offset,
                as: UInt64.self
            )
            cursor.storeBytes(
                of: base.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self),
                toByteOffset: offset + 8,
                as: UInt64.self
            )
            offset &+= 16
        }
        cursor += bytes.count
    }

    @inline(__always)
    mutating func writeByte(_ byte: UInt8) {
        cursor.storeBytes(of: byte, as: UInt8.self)
        cursor += 1
    }

    /// Decimal digits of `value`, as `String(value)` gives them. Stores 16 bytes for a value from 0 to 10^16 - 1
    /// (eight digits at a time, as ``ShortestDecimal`` does), 20 otherwise: the row's reserved room has them.
    @inline(__always)
    mutating func writeInteger(_ value: Int64) {
        if value >= 0 && value < 10_000_000_000_000_000 {
            let magnitude = UInt64(value)
            // `| 1` gives 0 its one digit and changes no other count (10^k | 1 has the digits of 10^k).
            let digits = ShortestDecimal.Digits.count(magnitude | 1)
            let text = ShortestDecimal.Digits.text(magnitude, count: digits)
            cursor.storeBytes(of: text.low.littleEndian, as: UInt64.self)
            cursor.storeBytes(of: text.middle.littleEndian, toByteOffset: 8, as: UInt64.self)
            cursor += digits
            return
        }
        if value < 0 { writeByte(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits = 1
        var bound: UInt64 = 10
        while digits < 20 && magnitude >= bound {
            digits += 1
            bound = bound &* 10
        }
        var position = digits
        repeat {
            position -= 1
            cursor.storeBytes(of: UInt8(ascii: "0") + UInt8(magnitude % 10), toByteOffset: position, as: UInt8.self)
            magnitude /= 10
        } while position > 0
        cursor += digits
    }

    /// Stores `value` as ``NumberFormatting/text(_:)`` spells it at `destination`, which has room for
    /// ``ShortestDecimal/maximumLength`` bytes, and returns the text's length. A finite value goes through
    /// ``ShortestDecimal`` (the same text, a third of the cost), which stores all 24 bytes.
    @inline(__always)
    static func storeNumber(_ value: Double, at destination: UnsafeMutableRawPointer) -> Int {
        if value.isFinite { return ShortestDecimal.write(value, to: destination) }
        var stream = MemoryStream(cursor: destination)
        stream.write(NumberFormatting.text(value))
        return stream.cursor - destination
    }
}
