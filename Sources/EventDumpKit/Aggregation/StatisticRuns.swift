// StatisticRuns.swift: `aggregate --output`, each group's statistics written as TensorBoard runs.

import TensorBoardEvents

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An output run directory that cannot be written.
struct StatisticRunsError: Error, Equatable, CustomStringConvertible {
    /// The run directory.
    var path: String
    /// Why not.
    var reason: String

    /// `'PATH' <reason>`.
    var description: String { "'\(path)' \(reason)" }
}

/// Writes each group's statistics as TensorBoard runs `<directory>/<group>/<statistic>`, one scalar series per
/// tag, so that TensorBoard draws the mean of the seeds (and its band) beside the runs: the runs
/// tensorboard-reducer's `write_tb_events` writes for the reductions mean, std, min, max and median, under the
/// same names: `mean`, `mean+std`, `mean-std` (it writes std only added to and taken from the mean, which is
/// what a chart wants), `min`, `max` and `median`. Values are `simple_value` scalars, as it writes them
/// (through PyTorch's writer) and as its loader reads them, so tensorboard-reducer can read them again. A step
/// whose values are all NaN is written as NaN (tensorboard-reducer leaves it out); `mean±std` of a group of
/// one run is NaN, as there.
///
/// Like tensorboard-reducer, an output run directory that exists and is not empty is refused, and with `force`
/// its event files are removed first, but only when it holds nothing else (so nothing but a run's files is ever
/// deleted). Every directory is checked before anything is written.
struct StatisticRuns {
    /// The output directory.
    let directory: String
    /// Whether existing event files are replaced.
    let force: Bool

    /// The runs written per group: name and statistic.
    static let statistics: [(name: String, value: @Sendable (SeedStatistics) -> Double)] = [
        ("mean", { $0.mean }), ("mean+std", { $0.mean + $0.std }), ("mean-std", { $0.mean - $0.std }),
        ("min", { $0.minimum }), ("max", { $0.maximum }), ("median", { $0.median }),
    ]

    /// The run directory of `statistic` for `group` (the group `.` is the output directory itself).
    func path(group: String, statistic: String) -> String {
        group == "." ? "\(directory)/\(statistic)" : "\(directory)/\(group)/\(statistic)"
    }

    /// Writes the runs of every group in `series`; returns the run directories written.
    /// - Throws: ``StatisticRunsError`` for a run directory that cannot be used (nothing is written then), or
    ///   the writer's ``EventFileError``.
    func write(_ series: [GroupSeries]) throws -> [String] {
        let groups = Dictionary(grouping: series, by: \.group).sorted { $0.key < $1.key }
        let paths = groups.flatMap { group, _ in Self.statistics.map { path(group: group, statistic: $0.name) } }
        for path in paths { try checkEmpty(path) }
        if force { for path in paths { try removeEventFiles(path) } }
        for (group, tags) in groups {
            let computed = tags.map { ($0.tag, $0.statistics) }
            for statistic in Self.statistics {
                let writer = try SummaryWriter(
                    runDirectory: path(group: group, statistic: statistic.name),
                    options: .init(scalarEncoding: .simpleValue)
                )
                for (tag, points) in computed {
                    for point in points { try writer.scalar(tag, statistic.value(point.statistics), step: point.step) }
                }
                try writer.close()
            }
        }
        return paths
    }

    /// Throws unless `path` is missing, an empty directory, or (with `force`) a directory of event files.
    private func checkEmpty(_ path: String) throws(StatisticRunsError) {
        switch SystemCalls.listDirectory(path) {
        case .failure(let error) where error.code == ENOENT: return
        case .failure(let error):
            throw StatisticRunsError(
                path: path,
                reason: "cannot be used as a run directory: \(systemErrorMessage(error.code))"
            )
        case .success(let entries) where entries.isEmpty: return
        case .success(let entries):
            guard force else {
                throw StatisticRunsError(
                    path: path,
                    reason: "already exists and is not empty (--force replaces the event files of such a run)"
                )
            }
            guard entries.allSatisfy({ $0.kind == .file && $0.name.hasPrefix("events.out.tfevents") }) else {
                throw StatisticRunsError(
                    path: path,
                    reason: "holds more than event files and was not written by aggregate; remove it yourself"
                )
            }
        }
    }

    /// Removes the event files of `path` (checked by ``checkEmpty(_:)`` to hold nothing else).
    private func removeEventFiles(_ path: String) throws(StatisticRunsError) {
        guard case .success(let entries) = SystemCalls.listDirectory(path) else { return }
        for entry in entries {
            let file = path + "/" + entry.name
            guard LosslessUTF8.withCString(file, { unlink($0) }) == 0 else {
                throw StatisticRunsError(path: file, reason: "cannot be removed: \(systemErrorMessage(errno))")
            }
        }
    }
}
