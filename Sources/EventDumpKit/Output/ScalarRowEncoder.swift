// ScalarRowEncoder.swift: the rows of `eventdump scalars --format csv|tsv`, encoded straight into bytes.

import TensorBoardEvents

/// Encodes the rows of `eventdump scalars` (run, tag, step, wall_time, value) as CSV or TSV into a raw buffer
/// that goes to the sink 64 KiB at a time: the run and tag fields are encoded once per series and copied after
/// that, and numbers are written into the buffer without making strings. The bytes are exactly those
/// ``TableWriter`` writes for the same rows (tested).
final class ScalarRowEncoder {
    private static let capacity = 1 << 16
    /// The most bytes a row takes after its prefix: a step (20), two numbers, two separators and the newline.
    private static let longestNumbers = 20 + 2 * NumberText.maximumLength + 3
    private let separator: UInt8
    private let sink: TextSink
    /// Whether run names and tags are escaped (on a terminal), as ``TableWriter`` does.
    private let escapesControlCharacters: Bool
    private let buffer: UnsafeMutableRawPointer
    private var count = 0
    private var runField: [UInt8] = []
    /// Every "run<sep>tag<sep>" of the current run, end to end, and where each series' one is.
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
        appendRow(seriesIndex, tag: tag(), step: step, wallTime: NumberText(wallTime), value: NumberText(value))
    }

    /// Texts of the points' numbers made ahead, by the thread that reads the points when it has time to spare,
    /// for ``append(_:tags:texts:)``: the values', and perhaps the wall times' too.
    struct PreparedTexts {
        /// The values' texts, one per point.
        var values: [NumberText]
        /// The wall times' texts, one per point, or `nil`.
        var wallTimes: [NumberText]?

        /// The texts of `points`' values, and of their wall times when `withWallTimes` is set.
        init(_ points: [ScalarPoint], withWallTimes: Bool) {
            values = points.map { NumberText($0.value) }
            wallTimes = withWallTimes ? points.map { NumberText($0.wallTime) } : nil
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
        for (position, point) in points.enumerated() {
            let index = point.seriesIndex
            appendRow(
                index,
                tag: index >= 0 && index < tags.count ? tags[index] : "",
                step: point.step,
                wallTime: wallTimes?[position] ?? NumberText(point.wallTime),
                value: values?[position] ?? NumberText(point.value)
            )
        }
    }

    /// Appends one row whose numbers' texts are made.
    @inline(__always)
    private func appendRow(
        _ seriesIndex: Int,
        tag: @autoclosure () -> String,
        step: Int64,
        wallTime: NumberText,
        value: NumberText
    ) {
        let range = prefixRange(seriesIndex, tag: tag)
        if count + range.count + Self.longestNumbers > Self.capacity { flush() }
        guard range.count + Self.longestNumbers <= Self.capacity else {
            // A tag longer than the buffer: written in pieces (rare).
            flush()
            prefixBytes.withUnsafeBytes { sink.write(bytes: UnsafeRawBufferPointer(rebasing: $0[range])) }
            writeRow(prefix: 0..<0, step: step, wallTime: wallTime, value: value)
            flush()
            return
        }
        writeRow(prefix: range, step: step, wallTime: wallTime, value: value)
    }

    /// Writes a row, which fits in the buffer, after the buffered ones.
    @inline(__always)
    private func writeRow(prefix range: Range<Int>, step: Int64, wallTime: NumberText, value: NumberText) {
        var stream = MemoryStream(cursor: buffer + count)
        prefixBytes.withUnsafeBytes { stream.copy(UnsafeRawBufferPointer(rebasing: $0[range])) }
        stream.writeInteger(step)
        stream.writeByte(separator)
        stream.cursor += wallTime.store(at: stream.cursor)
        stream.writeByte(separator)
        stream.cursor += value.store(at: stream.cursor)
        stream.writeByte(UInt8(ascii: "\n"))
        count = stream.cursor - buffer
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
        prefixRanges[seriesIndex] = range
        return range
    }
}
