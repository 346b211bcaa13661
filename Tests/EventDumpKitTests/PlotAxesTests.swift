import Foundation
import TestSupport
import Testing

@testable import EventDumpKit
@testable import TensorBoardEvents

/// `plot --x step|relative|wall` and `--log-y`, in the terminal and in SVG.
@Suite struct PlotAxesTests {
    let directory = TemporaryDirectory()

    /// One run, tag `loss`: 0.001, 0.01, 0.1, 1, 10, then 0 and -1, an hour apart from 2023-11-14 22:13:20 UTC
    /// (1700000000 s).
    private func writeLog() throws {
        let writer = try SummaryWriter(runDirectory: directory.path + "/run")
        for (step, value) in [0.001, 0.01, 0.1, 1, 10, 0, -1].enumerated() {
            try writer.scalar("loss", value, step: Int64(step) * 10, wallTime: 1_700_000_000 + Double(step) * 3600)
        }
        try writer.close()
    }

    /// The chart's x-axis line: the labels at both ends and the axis title.
    private func axisLine(_ output: String) -> String {
        output.split(separator: "\n").first { !$0.contains("┤") && !$0.contains("└") && !$0.contains("⣿") }
            .map { $0.split(separator: " ").joined(separator: " ") } ?? ""
    }

    @Test func theThreeXAxes() throws {
        try writeLog()
        let step = eventdump("plot", directory.path, "--tag", "loss", "--width", "60", "--height", "6")
        #expect(axisLine(step.output) == "0 60 step")
        let relative = eventdump("plot", directory.path, "--tag", "loss", "--x", "relative", "--width", "60")
        #expect(axisLine(relative.output) == "0 6 relative time (hours)")
        let wall = eventdump("plot", directory.path, "--tag", "loss", "--x", "wall", "--width", "60")
        #expect(axisLine(wall.output) == "22:13 04:13 wall time (UTC, from 2023-11-14 22:13)")
        let svg = directory.path + "/wall.svg"
        #expect(eventdump("plot", directory.path, "--tag", "loss", "--x", "wall", "--output", svg).status == 0)
        let text = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(text.contains(">wall time (UTC, from 2023-11-14 22:13)</text>"))
        #expect(text.contains(">23:00</text>") && text.contains(">02:00</text>"))
    }

    @Test func logYLeavesOutValuesWithoutALogarithm() throws {
        try writeLog()
        let result = eventdump("plot", directory.path, "--tag", "loss", "--log-y", "--width", "60", "--height", "10")
        #expect(result.status == 0)
        #expect(result.errors == "note: --log-y: 2 points at or below zero left out (no logarithm)\n")
        let labels = result.output.split(separator: "\n").compactMap { line -> String? in
            guard let bar = line.firstIndex(of: "┤") else { return nil }
            let label = line[..<bar].trimmingCharacters(in: .whitespaces)
            return label.isEmpty ? nil : label
        }
        #expect(labels == ["10", "1", "0.1", "0.01", "0.001"])
        let svg = directory.path + "/log.svg"
        #expect(eventdump("plot", directory.path, "--tag", "loss", "--log-y", "--output", svg).status == 0)
        let text = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(text.contains(">0.001</text>") && text.contains(">10</text>") && text.contains("(log scale)"))
    }

    @Test func onlyNonPositiveValuesLeaveNothingToDraw() throws {
        let writer = try SummaryWriter(runDirectory: directory.path + "/run")
        try writer.scalar("loss", Float(0), step: 0, wallTime: 1)
        try writer.close()
        let result = eventdump("plot", directory.path, "--tag", "loss", "--log-y")
        #expect(
            result.errors
                == "note: --log-y: 1 point at or below zero left out (no logarithm)\nnote: nothing to draw: none of the 1 matching points is a finite positive number\n"
        )
    }

    @Test func badAxesAreUsageErrors() throws {
        try writeLog()
        #expect(eventdump("plot", directory.path, "--tag", "loss", "--x", "time").status == 2)
        #expect(eventdump("plot", directory.path, "--tag", "loss", "--x", "wall", "--group-by", "r").status == 2)
    }
}
