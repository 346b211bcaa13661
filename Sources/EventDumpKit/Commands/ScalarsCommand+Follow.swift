// ScalarsCommand+Follow.swift: `eventdump scalars --follow`, printing points as training appends them.

import TensorBoardEvents

extension ScalarsCommand {
    /// Prints points as they are appended (see ``ScalarFollower``: every point as read, no restart purging).
    /// - Throws: ``UsageError`` for a format that cannot stream; ``LogdirError`` when the log directory cannot be
    ///   read at the start (a one-line error, not an endless wait); ``StoppedAtDamage`` after `--strict` stopped.
    static func follow(_ scan: LogScan, options: FollowOptions, context: CommandContext) throws {
        guard scan.options.format != .json, scan.options.format != .markdown else {
            throw UsageError("--follow prints rows as they come: use --format text, csv, tsv or jsonl")
        }
        // A missing or unreadable log directory is an error now; later, one that goes away is reported once.
        _ = try Logdir.discoverRuns(in: scan.logdir)
        let table = TableWriter(
            format: scan.options.format,
            columns: ["run", "tag", "step", "wall_time", "value"],
            sink: context.output,
            measuredRows: 1
        )
        let follower = ScalarFollower(scan: scan, table: table)
        try options.run(context: context) { follower.poll() }
        table.finish()
        if follower.stoppedAtDamage { throw StoppedAtDamage() }
    }
}
