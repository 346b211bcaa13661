// TextCommand.swift: `eventdump text`, the text summaries of a log directory.

import TensorBoardEvents

/// `eventdump text LOGDIR`: text summaries.
enum TextCommand: Command {
    static let name = "text"
    static let abstract = "Print text summaries (Markdown), one row per point."
    static let help = """
        OVERVIEW: \(abstract)

        A text tensor of several strings is printed as one cell, the strings separated by newlines (shown as \\n
        in aligned text, kept as they are in CSV written to a file; see below).

        \(CommonOptions.usage(command: "text"))

        EXAMPLES:
          eventdump text runs --format markdown
          eventdump text runs --tag notes --format jsonl
        """

    static func run(_ arguments: [String], context: CommandContext) throws {
        let (scan, _) = try HistCommand.parse(arguments, context: context)
        let runs = try scan.runs()
        let table = TableWriter(
            format: scan.options.format,
            columns: ["run", "tag", "step", "wall_time", "text"],
            sink: context.output
        )
        defer { table.finish() }
        try RunReaders.writeRows(runs, scan: scan, to: table) { run, scan, row in
            let (purged, _) = try scan.forEachPoint(of: run, kinds: [.text]) { point in
                guard case .text(let strings, _) = point.value else { return }
                row([
                    .text(run.name), .text(point.tag), .integer(point.step), .number(point.wallTime),
                    .text(strings.joined(separator: "\n")),
                ])
            }
            scan.reportPurged(purged, run: run)
        }
    }
}
