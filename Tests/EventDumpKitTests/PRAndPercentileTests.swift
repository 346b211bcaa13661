import Foundation
import TestSupport
import Testing

@testable import EventDumpKit
@testable import TensorBoardEvents

/// `eventdump pr` and `eventdump hist --percentiles` against TensorBoard's Python code, as
/// scripts/make_export_fixtures.py recorded it in fixtures/exports/expected.json: PR rows of tensorboardX's
/// `add_pr_curve` as the Python loader reads them, thresholds from `np.linspace`; and what the real
/// `tensorboard`'s Distributions route serves (`compressor.compress_histogram` over its Rust data server's
/// buckets) for every histogram of the peer fixtures. Values are compared bit for bit.
@Suite struct PRAndPercentileTests {
    private static let exports = packageRoot + "/fixtures/exports"

    /// The expected JSON's `pr` or `percentiles` part.
    private static func expected(_ key: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: exports + "/expected.json"))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(root[key] as? [String: Any])
    }

    /// CSV rows without the header, split at commas (the fixtures' names hold no comma or quote).
    private static func rows(_ csv: String) -> [[String]] {
        csv.split(separator: "\n").dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
    }

    /// `[[step, [values]]]` by `run\ttag` from eventdump's rows: `run, tag, step`, skipped columns, then values.
    private static func grouped(_ rows: [[String]], skipping: Int, width: Int) -> [String: [(Int64, [[String]])]] {
        var result: [String: [(Int64, [[String]])]] = [:]
        for row in rows where row.count == 3 + skipping + width {
            let key = row[0] + "\t" + row[1]
            let step = Int64(row[2]) ?? .min
            let values = Array(row[(3 + skipping)...])
            var points = result[key] ?? []
            if let last = points.last, last.0 == step {
                points[points.count - 1].1.append(values)
            } else {
                points.append((step, [values]))
            }
            result[key] = points
        }
        return result
    }

    /// Whether two decimal texts read back as the same double, bit for bit.
    private static func same(_ got: String, _ want: String) -> Bool {
        guard let got = Double(got), let want = Double(want) else { return false }
        return got.bitPattern == want.bitPattern || (got.isNaN && want.isNaN)
    }

    @Test func prRowsAreTensorBoardsEveryThreshold() throws {
        let expected = try Self.expected("pr")
        let result = eventdump("pr", Self.exports + "/tensorboardx", "--format", "csv", "--loader", "python")
        #expect(result.status == 0 && result.errors.isEmpty)
        let got = Self.grouped(Self.rows(result.output), skipping: 0, width: 7)
        #expect(Set(got.keys) == Set(expected.keys))
        for (key, value) in expected {
            let points = try #require(value as? [[Any]])
            let mine = got[key] ?? []
            #expect(mine.count == points.count, "\(key)")
            for (point, (step, rows)) in zip(points, mine) {
                #expect(point.first as? Int == Int(step))
                let want = try #require(point.last as? [[String]])
                #expect(rows.count == want.count)
                for (row, wanted) in zip(rows, want) {
                    #expect(zip(row, wanted).allSatisfy { Self.same($0, $1) }, "\(key) step \(step): \(row) \(wanted)")
                }
            }
        }
    }

    static let sets = [
        "tf_summary", "keras_fit", "tensorboardx", "tb_writer_legacy", "pytorch", "exports/tensorboardx",
    ]

    @Test(arguments: sets)
    func percentilesAreTensorBoardsCompressedHistograms(_ set: String) throws {
        let all = try Self.expected("percentiles")
        let expected = try #require(all[set] as? [String: Any])
        let path = set.hasPrefix("exports/") ? packageRoot + "/fixtures/" + set : packageRoot + "/fixtures/peers/" + set
        let result = eventdump("hist", path, "--percentiles", "--format", "csv")
        #expect(result.status == 0)
        let got = Self.grouped(Self.rows(result.output), skipping: 1, width: 9)
        #expect(Set(got.keys) == Set(expected.keys))
        for (key, value) in expected {
            let points = try #require(value as? [[Any]])
            let mine = got[key] ?? []
            #expect(mine.count == points.count, "\(key)")
            for (point, (step, rows)) in zip(points, mine) {
                let want = try #require(point.last as? [String])
                #expect(point.first as? Int == Int(step))
                #expect(rows.count == 1 && zip(rows[0], want).allSatisfy { Self.same($0, $1) }, "\(key) \(step)")
            }
        }
    }

    /// numpy's linspace is `i × (1 / (n − 1))`, not `i / (n − 1)`: `np.linspace(0, 1, 6)[3]` is
    /// 0.6000000000000001 (numpy 2.4.6), where 3 / 5 is 0.6.
    @Test func thresholdsAreNumpysLinspace() {
        #expect(PRCurveTable.threshold(3, count: 6) == 0.6000000000000001)
        #expect(PRCurveTable.threshold(5, count: 6) == 1)
        #expect(PRCurveTable.threshold(0, count: 1) == 0)
    }
}
