import Foundation
import TestSupport
import Testing

@testable import EventDumpKit
@testable import TensorBoardEvents

@Suite struct PlotCommandTests {
    let directory = TemporaryDirectory()

    @Test func plotsToTheTerminalSVGAndPNG() throws {
        try writeSmallLog(directory.path)
        let terminal = eventdump("plot", directory.path, "--tag", "epoch_loss", "--width", "40", "--height", "8")
        #expect(terminal.status == 0)
        let lines = terminal.output.split(separator: "\n")
        #expect(lines.count == 8 + 2 + 2)
        #expect(lines.last == "  ⣿ 2 exp/validation epoch_loss")
        #expect(terminal.output.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) })
        let svg = directory.path + "/loss.svg"
        #expect(eventdump("plot", directory.path, "--tag", "epoch_loss", "--output", svg).status == 0)
        let svgText = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(svgText.hasPrefix("<svg ") && svgText.components(separatedBy: "<polyline").count == 3)
        let png = directory.path + "/loss.png"
        #expect(eventdump("plot", directory.path, "--tag", "epoch_loss", "--output", png).status == 0)
        let pngBytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: png)))
        #expect(Array(pngBytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    }
}

@Suite struct PlotEdgeCaseTests {
    let directory = TemporaryDirectory()

    @Test func float64ScalarsNearTheLargestDoublesAreDrawnEverywhere() throws {
        try writeDoubleScalars(
            [1e308, -1e308, .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 0],
            tag: "huge",
            runDirectory: directory.path + "/run"
        )
        let terminal = eventdump("plot", directory.path, "--tag", "huge", "--width", "30", "--height", "5")
        #expect(terminal.status == 0 && terminal.errors.isEmpty)
        #expect(terminal.output.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) })
        for file in ["huge.svg", "huge.png"] {
            let path = directory.path + "/" + file
            #expect(
                eventdump("plot", directory.path, "--tag", "huge", "--output", path)
                    == Invocation(
                        status: 0,
                        output: "",
                        errors: "wrote \(path)\n"
                    )
            )
        }
    }

    @Test func aSeriesOfOnlyNaNAndInfinitiesSaysThereIsNothingToDraw() throws {
        try writeDoubleScalars([.nan, .infinity, -.infinity], tag: "bad", runDirectory: directory.path + "/run")
        #expect(
            eventdump("plot", directory.path, "--tag", "bad")
                == Invocation(
                    status: 0,
                    output: "",
                    errors:
                        "note: nothing to draw: none of the 3 matching points is a finite number (NaN or infinite)\n"
                )
        )
        #expect(
            eventdump("plot", directory.path, "--tag", "nothing-matches").errors
                == "note: no scalar points match --tag\n"
        )
    }

    @Test func aSinglePointAndEqualValuesAreDrawn() throws {
        try writeDoubleScalars([2.5], tag: "one", runDirectory: directory.path + "/a")
        try writeDoubleScalars([4, 4, 4, 4], tag: "flat", runDirectory: directory.path + "/b")
        for tag in ["one", "flat"] {
            let result = eventdump("plot", directory.path, "--tag", tag, "--width", "20", "--height", "4")
            #expect(result.status == 0)
            #expect(result.output.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) }, "\(tag)")
        }
    }
}
