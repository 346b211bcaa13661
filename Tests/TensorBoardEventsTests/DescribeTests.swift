import TestSupport
import Testing

@testable import TensorBoardEvents

/// Display names and descriptions in a tag's metadata, for every kind (checked in the real TensorBoard by
/// scripts/check-with-tensorboard too).
@Suite struct DescribeTests {
    let directory = TemporaryDirectory()

    /// The summary values of every event in the writer's file, in order.
    private func values(_ writer: SummaryWriter) throws -> [Summary.Value] {
        try readAll(writer.filePath).events.flatMap { record -> [Summary.Value] in
            guard case .summary(let summary) = record.event.content else { return [] }
            return summary.values
        }
    }

    @Test(arguments: [SummaryWriter.ScalarEncoding.tensor, .simpleValue])
    func aDescribedScalarCarriesItsNamesOnItsFirstValueOnly(encoding: SummaryWriter.ScalarEncoding) throws {
        let writer = try SummaryWriter(
            runDirectory: directory.path + "/\(encoding)",
            options: .init(scalarEncoding: encoding)
        )
        try writer.describe("loss", displayName: "Loss", description: "*mean* cross-entropy")
        try writer.scalar("loss", 0.5, step: 0)
        try writer.scalars(["loss": 0.25, "other": 1], step: 1)
        try writer.close()
        let written = try values(writer)
        let first = try #require(written.first?.metadata)
        #expect(first.pluginData?.pluginName == "scalars")
        #expect(first.displayName == "Loss" && first.summaryDescription == "*mean* cross-entropy")
        #expect(written.dropFirst().filter { $0.tag == "loss" }.allSatisfy { $0.metadata == nil })
        // An undescribed tag keeps the plain metadata (tensors) or none (simple values).
        let other = written.first { $0.tag == "other" }
        #expect(other?.metadata == (encoding == .tensor ? SummaryMetadata.scalars : nil))
    }

    @Test func everyKindTakesANameAndADescription() throws {
        let writer = try SummaryWriter(runDirectory: directory.path + "/kinds")
        let tags = ["h", "t", "i", "a", "p"]
        for tag in tags { try writer.describe(tag, displayName: tag.uppercased(), description: "about \(tag)") }
        try writer.histogram("h", values: [1.0, 2], step: 0)
        try writer.text("t", "x", step: 0)
        try writer.image("i", try PixelImage(width: 1, height: 1, format: .gray, pixels: [7]), step: 0)
        try writer.audio("a", [[0]], sampleRate: 100, step: 0)
        try writer.prCurve("p", labels: [true], predictions: [0.5], step: 0)
        try writer.close()
        for value in try values(writer) {
            #expect(value.metadata?.displayName == value.tag.uppercased(), "\(value.tag)")
            #expect(value.metadata?.summaryDescription == "about \(value.tag)", "\(value.tag)")
        }
    }

    @Test func describingATagAfterItsFirstValueIsRefused() throws {
        let writer = try SummaryWriter(runDirectory: directory.path + "/late")
        try writer.scalar("loss", 1, step: 0)
        #expect(throws: EventFileError.self) { try writer.describe("loss", description: "too late") }
        try writer.close()
        #expect(throws: EventFileError.self) { try writer.describe("other", description: "closed") }
    }
}
