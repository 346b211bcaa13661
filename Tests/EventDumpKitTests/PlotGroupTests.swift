import Foundation
import TestSupport
import Testing

@testable import EventDumpKit
@testable import TensorBoardEvents

/// `plot --group-by`: one line per group (the mean over its runs) in a band of ± one standard deviation.
@Suite struct PlotGroupTests {
    let directory = TemporaryDirectory()

    /// Two groups: `a` of three seeds (a band), `b` of one (no standard deviation, so no band).
    func writeGroups() throws {
        for (run, offset) in [("a_seed-1", 0), ("a_seed-2", 2), ("a_seed-3", 4), ("b_seed-1", 10)] {
            let writer = try SummaryWriter(runDirectory: directory.path + "/" + run)
            for step in 0..<5 { try writer.scalar("loss", Float(offset + step), step: step, wallTime: 1000) }
            try writer.close()
        }
    }

    @Test func drawsEachGroupsMeanInABandOfOneStandardDeviation() throws {
        try writeGroups()
        let svg = directory.path + "/seeds.svg"
        let result = eventdump("plot", directory.path, "--tag", "loss", "--group-by", "_seed-\\d+", "--output", svg)
        #expect(result.status == 0)
        let text = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(text.components(separatedBy: "<polyline").count == 3)  // a line per group
        #expect(text.components(separatedBy: "<polygon").count == 2)  // a band for a only
        #expect(text.contains(">a loss</text>") && text.contains(">b loss</text>"))
        let png = directory.path + "/seeds.png"
        #expect(
            eventdump("plot", directory.path, "--tag", "loss", "--group-by", "_seed-\\d+", "--output", png).status == 0
        )
        let terminal = eventdump("plot", directory.path, "--tag", "loss", "--group-by", "_seed-\\d+", "--height", "8")
        #expect(terminal.status == 0)
        #expect(terminal.output.hasSuffix("  ⣿ 1 a loss\n  ⣿ 2 b loss\n"))
    }

    @Test func theScaleHoldsTheBand() throws {
        var line = PlotSeries(label: "a", points: [(x: 0, y: 1), (x: 1, y: 2)])
        line.band = [(x: 0, low: -5, high: 7), (x: 1, low: .nan, high: 9)]
        let scale = try #require(PlotScale([line]))
        #expect(scale.minimumY < -5 && scale.maximumY > 9)
    }

    @Test func groupByCannotBeCombinedWithSmoothing() {
        let result = eventdump("plot", directory.path, "--tag", "loss", "--group-by", "s", "--smooth", "0.6")
        #expect(result.status == 2)
        #expect(result.errors.hasPrefix("Error: --group-by cannot be combined with --smooth\n"))
    }
}
