import Foundation
import TestSupport
import Testing

@testable import TensorBoardEvents

/// The confusion-matrix summary: its table as written, and its heat map's pixels, worked out by hand from the
/// documented rule (white to (8, 48, 107) by value / largest, 16-pixel cells, gray-200 grid lines);
/// scripts/check-with-tensorboard draws it again with numpy and reads both through TensorBoard.
@Suite struct ConfusionMatrixSummaryTests {
    let directory = TemporaryDirectory()

    /// The RGB pixel at (`x`, `y`).
    private func pixel(_ image: PixelImage, _ x: Int, _ y: Int) -> [UInt8] {
        let start = (y * image.width + x) * 3
        return Array(image.pixels[start..<(start + 3)])
    }

    @Test func theTableHasTrueClassesAsRowsAndEscapesLabels() throws {
        let run = directory.path + "/table"
        let writer = try SummaryWriter(runDirectory: run)
        try writer.confusionMatrix("cm", [[5, 1], [0, 3]], labels: ["cat", "d|o_g"], step: 2)
        try writer.close()
        let log = try Logdir.read(run)
        let points = try #require(log.runs.first).points("cm_table")
        #expect(points.map(\.step) == [2])
        guard case .text(let texts, _) = points.first?.value else {
            Issue.record("no text")
            return
        }
        #expect(
            texts == [
                """
                | true ↓ / predicted → | cat | d\\|o\\_g |
                | --- | ---: | ---: |
                | cat | 5 | 1 |
                | d\\|o\\_g | 0 | 3 |

                """
            ]
        )
    }

    @Test func normalizedRowsShowThreeDecimalsAndAZeroRowStaysZero() {
        let values: [[Double]] = [[2.0 / 3, 1.0 / 3], [0, 0]]
        #expect(values.map { $0.map(ConfusionMatrixRendering.cellText) } == [["0.667", "0.333"], ["0", "0"]])
        #expect(ConfusionMatrixRendering.cellText(2.5) == "2.5")
    }

    @Test func heatMapCellsRunFromWhiteToDarkBlue() throws {
        let image = try #require(ConfusionMatrixRendering.heatMap([[3, 0], [1, 2]]))
        // Two cells of 16 pixels and three grid lines a side.
        #expect(image.width == 35 && image.height == 35 && image.format == .rgb)
        #expect(pixel(image, 0, 0) == [200, 200, 200] && pixel(image, 17, 5) == [200, 200, 200])
        #expect(pixel(image, 1, 1) == [8, 48, 107])  // row 0, column 0: the largest value
        #expect(pixel(image, 18, 1) == [255, 255, 255])  // row 0, column 1: 0
        // Row 1, column 0: 1/3 of the way: 255 - 247/3, 255 - 207/3, 255 - 148/3, rounded.
        #expect(pixel(image, 16, 33) == [173, 186, 206])
        // Row 1, column 1: 2/3 of the way.
        #expect(pixel(image, 33, 18) == [90, 117, 156])
    }

    @Test func aMatrixOfZerosIsWhite() throws {
        let image = try #require(ConfusionMatrixRendering.heatMap([[0]]))
        #expect(image.width == 18 && pixel(image, 9, 9) == [255, 255, 255])
    }

    @Test func theImageGoesUnderTheTagAndTheTableBeside() throws {
        let run = directory.path + "/both"
        let writer = try SummaryWriter(runDirectory: run)
        try writer.confusionMatrix("val/cm", [[1.5, 0.5], [0, 2]], labels: ["a", "b"], normalized: true, step: 4)
        try writer.close()
        let runs = try Logdir.read(run).runs
        let run0 = try #require(runs.first)
        guard case .images(let sample) = run0.points("val/cm").first?.value else {
            Issue.record("no image")
            return
        }
        let expected = try PNGEncoder.encode(#require(ConfusionMatrixRendering.heatMap([[0.75, 0.25], [0, 1]])))
        #expect(sample.width == 35 && sample.images == [expected])
        #expect(run0.points("val/cm_table").map(\.step) == [4])
    }

    @Test(arguments: [
        ("not square", [[1, 2], [3]], ["a", "b"]),
        ("empty", [], []),
        ("labels", [[1]], ["a", "b"]),
        ("negative", [[-1]], ["a"]),
        ("line break in a label", [[1]], ["a\nb"]),
    ])
    func badMatricesAreRefused(_ name: String, counts: [[Int]], labels: [String]) throws {
        let writer = try SummaryWriter(runDirectory: directory.path + "/bad")
        #expect(throws: EventFileError.self, "\(name)") {
            try writer.confusionMatrix("cm", counts, labels: labels, step: 0)
        }
        #expect(throws: EventFileError.self, "NaN") {
            try writer.confusionMatrix("cm", [[Double.nan]], labels: ["a"], step: 0)
        }
        try writer.close()
        #expect(try Logdir.read(directory.path + "/bad").runs.first?.points("cm").isEmpty ?? true)
    }
}
