// ScalarsCommand+Wide.swift: `eventdump scalars --wide`, one row per run and step with a column per tag.

import TensorBoardEvents

extension ScalarsCommand {
    /// The values of one run by step and tag: the first value of each tag at a step, and any later ones (only
    /// when restart purging is off, since TensorBoard's purge keeps one point per step).
    private struct WideRun {
        var name: String
        var first: [Int64: [String: Double]] = [:]
        var later: [Int64: [String: [Double]]] = [:]
        /// The tags of the run's points.
        var tags: Set<String> = []

        mutating func add(_ value: Double, tag: String, step: Int64) {
            tags.insert(tag)
            if first[step]?[tag] == nil {
                first[step, default: [:]][tag] = value
            } else {
                later[step, default: [:]][tag, default: []].append(value)
            }
        }

        /// How many cells hold more than one value.
        var mergedCells: Int { later.values.reduce(0) { $0 + $1.count } }

        /// The cell of `tag` at `step`: a number, a list of numbers in reading order, or empty.
        func cell(_ tag: String, step: Int64) -> Cell {
            guard let value = first[step]?[tag] else { return .empty }
            guard let more = later[step]?[tag] else { return .number(value) }
            return .numbers([value] + more)
        }
    }

    /// One row per run and step (in step order), one column per tag (sorted), as tbparse's pivot gives. Several
    /// values of one tag at one step are kept, as a list in reading order (tbparse merges them into a list too),
    /// and a note says how many such cells a run has; nothing is dropped silently.
    static func wide(_ scan: LogScan, context: CommandContext) throws {
        var tags: Set<String> = []
        var runs: [WideRun] = []
        try RunReaders.forEachResult(
            try scan.runs(),
            scan: scan,
            read: { run, scan in
                var wide = WideRun(name: run.name)
                let purged = try scan.forEachScalar(of: run) { tag, step, _, value in
                    wide.add(value, tag: tag, step: step)
                }
                scan.reportPurged(purged, run: run)
                let merged = wide.mergedCells
                if merged > 0 {
                    scan.context.note(
                        "run \(run.name): \(merged) cell\(merged == 1 ? "" : "s") of --wide hold\(merged == 1 ? "s" : "") several values of one tag at one step, printed as a list in reading order (as tbparse's pivot merges them)"
                    )
                }
                return wide
            },
            consume: { _, wide in
                tags.formUnion(wide.tags)
                runs.append(wide)
            }
        )
        let sortedTags = tags.sorted()
        let table = TableWriter(
            format: scan.options.format,
            columns: ["run", "step"] + sortedTags,
            titles: ["RUN", "STEP"] + sortedTags,
            sink: context.output
        )
        for run in runs {
            for step in run.first.keys.sorted() {
                table.write([.text(run.name), .integer(step)] + sortedTags.map { run.cell($0, step: step) })
            }
        }
        table.finish()
    }
}
