import Foundation
import TestSupport
import Testing

@testable import EventDumpKit
@testable import TensorBoardEvents

// `scalars --smooth` against what TensorBoard's own smoothing code gives: fixtures/smoothing/cases.json holds
// its classicSmoothing run in V8 (scripts/make_smoothing_fixtures.mjs) on float64 series, bit for bit.

private struct SmoothingCases: Decodable {
    struct Case: Decodable {
        var name: String
        var weight: Double
        var values: [String]
        var smoothed: [String]
    }
    var cases: [Case]
}

private func double(_ hex: String) -> Double { Double(bitPattern: UInt64(hex, radix: 16) ?? 0) }

/// The `smoothed` column of a CSV by step.
private func smoothedByStep(_ csv: String) throws -> [(step: Int64, smoothed: Double)] {
    try csv.split(separator: "\n").dropFirst().map { line in
        let fields = line.split(separator: ",", omittingEmptySubsequences: false)
        let step = try #require(fields.count == 6 ? Int64(fields[2]) : nil, "\(line)")
        let smoothed = try #require(Double(String(fields[5])), "\(line)")
        return (step, smoothed)
    }
}

@Suite struct SmoothingOutputTests {
    let directory = TemporaryDirectory()

    @Test func smoothingRunsOverEveryPointAndThenStepsPicksTheRows() throws {
        let url = URL(fileURLWithPath: packageRoot + "/fixtures/smoothing/cases.json")
        let cases = try JSONDecoder().decode(SmoothingCases.self, from: Data(contentsOf: url)).cases
        let noisy = try #require(cases.first { $0.name == "noisy loss, default weight" })
        try writeDoubleScalars(noisy.values.map(double), tag: "loss", runDirectory: directory.path + "/run")
        let result = eventdump("scalars", directory.path, "--smooth", "0.6", "--steps", "250:", "--format", "csv")
        #expect(result.status == 0 && result.errors.isEmpty)
        let rows = try smoothedByStep(result.output)
        #expect(rows.map(\.step) == Array(250..<Int64(noisy.values.count)))
        for (step, smoothed) in rows {
            #expect(smoothed.bitPattern == double(noisy.smoothed[Int(step)]).bitPattern, "step \(step)")
        }
    }

    @Test func withKeepAllARestartsStalePointsAreSmoothedWhereTheyWereRead() throws {
        // Reading order: steps 0 1 2 3 (the first attempt), then 2 3 again (the resumed one).
        try writeRestartedRun(
            directory.path + "/run",
            tag: "loss",
            first: [4, 3, 2, 1],
            resumeStep: 2,
            second: [5, 6]
        )
        let all = try smoothedByStep(eventdump("scalars", directory.path, "--smooth", "0.6", "--keep-all").output)
        #expect(all.map(\.step) == [0, 1, 2, 3, 2, 3])
        #expect(all.map(\.smoothed) == Smoothing.smooth([4, 3, 2, 1, 5, 6], weight: 0.6))
        // By default TensorBoard's purge leaves steps 0 1 2 3 with the resumed values: that series is smoothed.
        let shown = try smoothedByStep(eventdump("scalars", directory.path, "--smooth", "0.6").output)
        #expect(shown.map(\.step) == [0, 1, 2, 3])
        #expect(shown.map(\.smoothed) == Smoothing.smooth([4, 3, 5, 6], weight: 0.6))
    }
}
