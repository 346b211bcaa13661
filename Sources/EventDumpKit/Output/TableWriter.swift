// TableWriter.swift: streams a table's rows in any output format.

import TensorBoardEvents

/// Writes a table row by row in one of the ``OutputFormat``s.
///
/// CSV, TSV, JSON lines and JSON are written as rows arrive. Aligned text and Markdown measure the first rows
/// (up to `measuredRows`) to set the column widths (at most ``maximumPaddedWidth``), then stream the rest with
/// those widths (a longer value widens only its own line), so output starts at once and memory stays flat for
/// any number of rows.
///
/// Text from logs (cells and column names: tags, run names) never reaches a terminal raw: aligned text and
/// Markdown always show control characters escaped (``TerminalSafety``); CSV and TSV escape them too when the
/// sink is a terminal, and otherwise keep the exact text, so that a file reads back as it was written; JSON
/// always escapes them, as JSON requires.
final class TableWriter {
    /// The widest a column is padded to: a longer cell widens only its own line, so one huge cell among the
    /// measured rows cannot pad every other line to its width (output stays within a small multiple of what
    /// the cells hold).
    static let maximumPaddedWidth = 80

    private let format: OutputFormat
    private let columns: [String]
    /// The aligned-text heading of each column.
    private let titles: [String]
    private let sink: TextSink
    /// Whether CSV and TSV text is escaped (on a terminal).
    private let escapesControlCharacters: Bool
    private let measuredRows: Int
    private var pending: [[Cell]] = []
    private var widths: [Int]?
    private var rightAligned: [Bool]
    private var wroteRow = false

    /// Creates a writer and, for the formats that have one, writes the header.
    /// - Parameters:
    ///   - format: The output format.
    ///   - columns: The column names: the CSV and TSV header, the JSON keys, the Markdown heading.
    ///   - titles: The aligned-text heading of each column, escaped like any text but never re-cased; by
    ///     default each column name in capitals, which suits this program's own names. A command whose column
    ///     names come from a log (tags, hparams) gives them here as they are: capitalising them would change
    ///     what they say, and the escapes of their control characters with them (`\e` is not `\E`).
    ///   - sink: Where to write.
    ///   - measuredRows: Rows measured before aligned output starts.
    init(
        format: OutputFormat,
        columns: [String],
        titles: [String]? = nil,
        sink: TextSink,
        measuredRows: Int = 500
    ) {
        self.format = format
        self.columns = columns
        self.titles = titles ?? columns.map { $0.uppercased() }
        self.sink = sink
        self.measuredRows = measuredRows
        self.rightAligned = Array(repeating: false, count: columns.count)
        escapesControlCharacters = sink.isTerminal
        switch format {
        case .csv: sink.write(columns.map { csvField(.text($0), separator: ",") }.joined(separator: ",") + "\n")
        case .tsv: sink.write(columns.map { csvField(.text($0), separator: "\t") }.joined(separator: "\t") + "\n")
        case .json: sink.write("[")
        case .text, .markdown, .jsonl: break
        }
    }

    /// Writes one row (as many cells as columns).
    func write(_ row: [Cell]) {
        switch format {
        case .csv: sink.write(row.map { csvField($0, separator: ",") }.joined(separator: ",") + "\n")
        case .tsv: sink.write(row.map { csvField($0, separator: "\t") }.joined(separator: "\t") + "\n")
        case .jsonl: sink.write(jsonObject(row) + "\n")
        case .json:
            sink.write((wroteRow ? ",\n" : "\n") + jsonObject(row))
        case .text, .markdown:
            if widths == nil {
                pending.append(row)
                if pending.count >= measuredRows { flushPending() }
            } else {
                writeAligned(row)
            }
        }
        wroteRow = true
    }

    /// Ends the table.
    func finish() {
        switch format {
        case .json: sink.write(wroteRow ? "\n]\n" : "]\n")
        case .text, .markdown: flushPending()
        case .csv, .tsv, .jsonl: break
        }
    }

    private func flushPending() {
        guard widths == nil else { return }
        var measured = (format == .markdown ? columns : titles).map { displayWidth(escape($0)) }
        for row in pending {
            for (index, cell) in row.enumerated() where index < measured.count {
                measured[index] = max(measured[index], displayWidth(render(cell)))
                if cell.isNumeric { rightAligned[index] = true }
            }
        }
        widths = measured.map { min($0, Self.maximumPaddedWidth) }
        if format == .markdown {
            sink.write(
                "| " + columns.enumerated().map { pad(escape($0.element), $0.offset) }.joined(separator: " | ") + " |\n"
            )
            sink.write(
                "|"
                    + (widths ?? measured).enumerated().map { index, width in
                        rightAligned[index]
                            ? " " + String(repeating: "-", count: max(width - 1, 2)) + ": "
                            : " " + String(repeating: "-", count: max(width, 3)) + " "
                    }.joined(separator: "|") + "|\n"
            )
        } else {
            sink.write(
                titles.enumerated().map { pad(escape($0.element), $0.offset) }.joined(separator: "  ")
                    .trailingSpacesRemoved + "\n"
            )
        }
        for row in pending { writeAligned(row) }
        pending = []
    }

    private func writeAligned(_ row: [Cell]) {
        let cells = row.enumerated().map { pad(render($0.element), $0.offset) }
        if format == .markdown {
            sink.write("| " + cells.joined(separator: " | ") + " |\n")
        } else {
            sink.write(cells.joined(separator: "  ").trailingSpacesRemoved + "\n")
        }
    }

    private func pad(_ text: String, _ index: Int) -> String {
        guard let widths, index < widths.count else { return text }
        let padding = String(repeating: " ", count: max(0, widths[index] - displayWidth(text)))
        return rightAligned[index] ? padding + text : text + padding
    }

    /// A cell for aligned text and Markdown: numbers short but exact (``NumberFormatting/readable(_:)``), text
    /// escaped (and `|` escaped in Markdown).
    private func render(_ cell: Cell) -> String {
        switch cell {
        case .text(let text): return escape(text)
        case .integer(let value): return String(value)
        case .number(let value): return NumberFormatting.readable(value)
        case .numbers(let values): return "[" + values.map(NumberFormatting.readable).joined(separator: ", ") + "]"
        case .empty: return ""
        }
    }

    private func escape(_ text: String) -> String {
        let safe = TerminalSafety.escaped(text)
        return format == .markdown ? safe.replacingPipes : safe
    }

    private func csvField(_ cell: Cell, separator: Character) -> String {
        switch cell {
        case .text(let text):
            return CSV.field(escapesControlCharacters ? TerminalSafety.escaped(text) : text, separator: separator)
        case .integer(let value): return String(value)
        case .number(let value): return NumberFormatting.text(value)
        case .numbers(let values):
            let list = "[" + values.map(NumberFormatting.text).joined(separator: ", ") + "]"
            return CSV.field(list, separator: separator, isText: false)
        case .empty: return ""
        }
    }

    private func jsonObject(_ row: [Cell]) -> String {
        let fields = zip(columns, row).map { name, cell -> String in
            let value: String
            switch cell {
            case .text(let text): value = JSON.string(text)
            case .integer(let integer): value = String(integer)
            case .number(let number): value = NumberFormatting.json(number)
            case .numbers(let numbers): value = "[" + numbers.map(NumberFormatting.json).joined(separator: ",") + "]"
            case .empty: value = "null"
            }
            return JSON.string(name) + ":" + value
        }
        return "{" + fields.joined(separator: ",") + "}"
    }

    /// Columns a string takes in a terminal (one per character; wide East Asian characters are rare in tags).
    private func displayWidth(_ text: String) -> Int { text.count }
}

extension String {
    fileprivate var trailingSpacesRemoved: String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }

    fileprivate var replacingPipes: String {
        split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
    }
}
