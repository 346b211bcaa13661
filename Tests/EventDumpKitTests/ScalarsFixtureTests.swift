import Foundation
import TestSupport
import Testing

@testable import EventDumpKit

// `eventdump scalars` on the logs the real peers wrote, compared in full with what TensorBoard's Python loader
// exported for them (fixtures/peers/expected/<set>.json): the expected CSV is built from that export, not
// from our own reader.

private struct Expected: Decodable {
    struct Series: Decodable {
        var plugin: String
        var points: [Point]
        var allPoints: [Point]?
        enum CodingKeys: String, CodingKey {
            case plugin, points
            case allPoints = "all_points"
        }
    }

    struct Point: Decodable {
        var step: Int64
        var wallTime: String
        var dtype: String
        var values: [Value]
        enum CodingKeys: String, CodingKey {
            case step, dtype, values
            case wallTime = "wall_time"
        }
    }

    /// A float's 16 hex digits of its bits, `{"int": "<decimal>"}` for an integer, or another kind.
    enum Value: Decodable {
        case bits(String)
        case integer(String)
        case other

        private struct Integer: Decodable { var int: String }

        init(from decoder: Decoder) throws {
            if let text = try? decoder.singleValueContainer().decode(String.self) {
                self = .bits(text)
            } else if let integer = try? decoder.singleValueContainer().decode(Integer.self) {
                self = .integer(integer.int)
            } else {
                self = .other
            }
        }

        /// The value as `eventdump` prints it: integers become doubles (FORMAT.md: int64 scalars beyond 2^53
        /// are rounded, as in TensorBoard's own charts).
        var asDouble: Double? {
            switch self {
            case .bits(let hex): return double(hex)
            case .integer(let text): return Int64(text).map(Double.init)
            case .other: return nil
            }
        }
    }

    var runs: [String: [String: Series]]
}

private func double(_ hex: String) -> Double { Double(bitPattern: UInt64(hex, radix: 16) ?? 0) }

/// The CSV `eventdump scalars` must print for a set: rows in reading order per run. The Python loader's export
/// groups points by tag, so rows are compared as per-(run, tag) sequences.
private func expectedRows(_ set: String, allPoints: Bool) throws -> [String: [String]] {
    let url = URL(fileURLWithPath: packageRoot + "/fixtures/peers/expected/\(set).json")
    let expected = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: url))
    var rows: [String: [String]] = [:]
    for (run, tags) in expected.runs {
        for (tag, series) in tags where series.plugin == "scalars" {
            for point in (allPoints ? series.allPoints ?? series.points : series.points) {
                guard point.values.count == 1, let value = point.values.first?.asDouble else {
                    Issue.record("\(set): \(run)/\(tag) step \(point.step) is not one number")
                    continue
                }
                let csvTag = CSV.field(tag)
                rows["\(run)\u{0}\(tag)", default: []].append(
                    "\(CSV.field(run)),\(csvTag),\(point.step),\(number(double(point.wallTime))),\(number(value))"
                )
            }
        }
    }
    return rows
}

/// Groups CSV output rows by (run, tag), keeping their order.
private func rowsByTag(_ csv: String) -> [String: [String]] {
    var rows: [String: [String]] = [:]
    for line in csv.split(separator: "\n").dropFirst() {
        let fields = line.split(separator: ",", maxSplits: 2, omittingEmptySubsequences: false)
        guard fields.count == 3 else { continue }
        rows["\(fields[0])\u{0}\(fields[1])", default: []].append(String(line))
    }
    return rows
}

@Suite struct ScalarsFixtureTests {
    @Test(arguments: ["tf_summary", "keras_fit", "tensorboardx", "tb_writer_legacy", "pytorch"])
    func printsExactlyWhatTensorBoardsLoaderReads(set: String) throws {
        // PyTorch's purge_step run is where TensorBoard's two loaders differ (FORMAT.md §7.6): the Python loader
        // ignores the run's first START and keeps the stale points, the default Rust loader drops them. The export
        // is the Python loader's, so compare the PyTorch set with --keep-all (the default is tested below).
        let arguments =
            ["scalars", packageRoot + "/fixtures/peers/" + set, "--format", "csv"]
            + (set == "pytorch" ? ["--keep-all"] : [])
        let result = eventdump(arguments)
        #expect(result.status == 0)
        #expect(result.errors.isEmpty)
        #expect(result.output.hasPrefix("run,tag,step,wall_time,value\n"))
        #expect(rowsByTag(result.output) == (try expectedRows(set, allPoints: false)))
    }

    @Test func aPyTorchPurgeStepRunDropsTheInterruptedPointsAsTensorBoardsDefaultLoaderDoes() throws {
        let shown = eventdump(
            "scalars",
            packageRoot + "/fixtures/peers/pytorch",
            "--format",
            "csv",
            "--tag",
            "^train/loss$"
        )
        #expect(
            shown.errors
                == "note: run .: 3 points dropped as TensorBoard drops them after a restart (use --keep-all to keep them)\n"
        )
        let steps = try shown.output.split(separator: "\n").dropFirst().map { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            return try #require(fields.count == 5 ? Int64(fields[2]) : nil, "\(line)")
        }
        #expect(!steps.isEmpty && steps == steps.sorted())  // the resumed points replaced the stale ones
        #expect(Set(steps).count == steps.count)
    }

    @Test func keepAllPrintsEveryPointAndEachLoaderDropsWhatTensorBoardsDrops() throws {
        let logdir = packageRoot + "/fixtures/peers/resume_purge"
        let all = eventdump("scalars", logdir, "--format", "csv", "--keep-all")
        #expect(all.status == 0 && all.errors.isEmpty)
        #expect(rowsByTag(all.output) == (try expectedRows("resume_purge", allPoints: true)))
        // The fixture's expected points are those of TensorBoard's Python loader (its plugin multiplexer).
        let python = eventdump("scalars", logdir, "--format", "csv", "--loader", "python")
        #expect(python.status == 0)
        #expect(python.errors.contains("points dropped as TensorBoard drops them after a restart"))
        #expect(rowsByTag(python.output) == (try expectedRows("resume_purge", allPoints: false)))
        let shown = eventdump("scalars", logdir, "--format", "csv")
        let rust = eventdump("scalars", logdir, "--format", "csv", "--loader", "rust")
        #expect(shown.status == 0 && shown.output == rust.output && shown.errors == rust.errors)
    }

    @Test(arguments: [
        (["--loader", "perl"], "unknown loader 'perl' (values: rust, python, both)"),
        (["--loader", "rust", "--keep-all"], "--loader and --keep-all exclude each other"),
    ])
    func badLoaderChoicesAreUsageErrors(options: [String], message: String) {
        let result = eventdump(["scalars", packageRoot + "/fixtures/peers/resume_purge"] + options)
        #expect(result.status == 2)
        #expect(result.errors.contains(message))
    }
}
