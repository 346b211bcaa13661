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
