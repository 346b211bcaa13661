// SeedAggregation.swift: the scalars of a log directory gathered by group, tag and step, over the runs.

import TensorBoardEvents

/// One tag of one group: at each step, the values the group's runs logged there.
struct GroupSeries {
    /// The group's name (see ``RunGrouping``).
    var group: String
    /// The tag.
    var tag: String
    /// The steps any run of the group logged the tag at, ascending, each with a row of one slot per run of the
    /// group that logged the tag (in the runs' name order): its value there, or NaN when it has none (pandas'
    /// outer-joined frame, which ``SeedStatistics`` reads as pandas does).
    var steps: [(step: Int64, row: [Double])]

    /// The statistics at each step.
    var statistics: [(step: Int64, statistics: SeedStatistics)] {
        steps.map { ($0.step, SeedStatistics($0.row)) }
    }
}

/// Reads the selected scalars of every run (with `--run`, `--tag`, `--steps` and restart purging, as the other
/// commands read them) and gathers them by group, tag and step: the steps of a group are every step any of its
/// runs logged (tensorboard-reducer's lax steps with `min_runs_per_step=1`), a tag only some runs have is
/// gathered over those (its lax tags).
///
/// A run holds one value per tag and step: when a step was logged more than once (and kept by purging, which
/// keeps repeats of the latest step), the last value read is used, as tensorboard-reducer's
/// `--handle-dup-steps keep-last`, and a note on standard error says how many steps of the run that concerned.
/// Memory is the values of the selected series.
enum SeedAggregation {
    /// The series of every group and tag, groups and tags in name order.
    /// - Throws: What reading throws (`--strict`'s stop, a log directory that cannot be read).
    static func collect(_ scan: LogScan, grouping: RunGrouping) throws -> [GroupSeries] {
        // Per group and tag: how many runs have the tag, and per step the (run slot, value) pairs.
        var table: [String: [String: (runs: Int, values: [Int64: [(slot: Int, value: Double)]])]] = [:]
        try RunReaders.forEachResult(try scan.runs(), scan: scan) { run, scan in
            var latest: [String: [Int64: Double]] = [:]
            var repeated = 0
            let purged = try scan.forEachScalar(of: run) { tag, step, _, value in
                if latest[tag, default: [:]].updateValue(value, forKey: step) != nil { repeated += 1 }
            }
            scan.reportPurged(purged, run: run)
            if repeated > 0 {
                scan.context.note(
                    "run \(run.name): \(repeated) value\(repeated == 1 ? "" : "s") logged again at a step already logged for its tag; the last value of each step is used"
                )
            }
            return latest
        } consume: { run, latest in
            let group = grouping.group(of: run.name)
            for (tag, points) in latest {
                // Taken out while it grows, so that the table's copy is not copied.
                var entry = table[group]?.removeValue(forKey: tag) ?? (0, [:])
                for (step, value) in points { entry.values[step, default: []].append((entry.runs, value)) }
                entry.runs += 1
                table[group, default: [:]][tag] = entry
            }
        }
        var series: [GroupSeries] = []
        for (group, tags) in table.sorted(by: { $0.key < $1.key }) {
            for (tag, entry) in tags.sorted(by: { $0.key < $1.key }) {
                let steps = entry.values.sorted { $0.key < $1.key }.map { step, values in
                    var row = [Double](repeating: .nan, count: entry.runs)
                    for (slot, value) in values { row[slot] = value }
                    return (step: step, row: row)
                }
                series.append(GroupSeries(group: group, tag: tag, steps: steps))
            }
        }
        return series
    }
}
