// RecordsCommand.swift: `eventdump records`, one line per record of one event file.

import TensorBoardEvents

/// `eventdump records FILE`: the low-level view for inspecting a damaged file.
enum RecordsCommand: Command {
    static let name = "records"
    static let abstract = "List the records of one event file: offset, length, checksums, step, content."
    static let help = """
        OVERVIEW: \(abstract)

        Damaged data is listed where it is: a corrupt stretch as one row with the bytes skipped to reach the next
        good record, a truncated tail as a last row. Ends with the counts of good, corrupt and truncated records
        (on standard output for text and Markdown, on standard error for the machine formats). Takes no --run,
        --tag or --steps: every record of the file is listed.

        With --follow, records are listed as the file grows. A file replaced under its name (mv new old) or
        truncated and rewritten is noted once on standard error and listed again from its start; following ends
        at once when the reader of an output pipe goes away, even while the file is idle.

        USAGE: eventdump records <file> [options]

        ARGUMENTS:
          <file>                  An event file.

        OPTIONS:
        \(OutputFormat.helpLine(default: "text on a terminal, csv otherwise"))
          --strict                Stop at the first damaged record (exit status 1).
          --follow                Keep reading as the file grows, like tail -f (until Ctrl-C or --follow-timeout).
        \(FollowOptions.help)
          -h, --help              Show help information.

        \(OutputFormat.controlCharactersHelp)

        EXAMPLES:
          eventdump records runs/demo/train/events.out.tfevents.1700000000.host.42.0.v2
          eventdump records damaged.tfevents --format csv
        """

    static func run(_ arguments: [String], context: CommandContext) throws {
        let parsed = try ArgumentList(
            arguments,
            valueOptions: FollowOptions.valueOptions.union(["--format"]),
            flagOptions: ["--strict", "--follow"]
        )
        let path = try parsed.onlyPositional(named: "<file>")
        let format = try OutputFormat.parse(parsed.value("--format")) ?? defaultFormat(for: context.output)
        let follows = parsed.has("--follow")
        let followOptions = follows ? try FollowOptions(parsed) : nil
        let lister = try RecordLister(
            path: path,
            format: format,
            strict: parsed.has("--strict"),
            measuredRows: follows ? 1 : 500,
            context: context
        )
        if let followOptions {
            try followOptions.run(context: context) { try !lister.readAvailable() }
        } else {
            _ = try lister.readAvailable()
        }
        try lister.finish()
    }
}
