import Foundation
import TestSupport
import Testing

@testable import TensorBoardEvents

/// The Custom Scalars layout and PyTorch-style sibling scalars.
@Suite struct CustomScalarsTests {
    let directory = TemporaryDirectory()

    /// A layout of every field, and its encoding by TensorBoard's own `layout_pb2` (protobuf 7.36):
    /// `Layout(category=[Category(title="losses", chart=[Chart(title="train vs validation",
    /// multiline=MultilineChartContent(tag=["epoch_loss$", "loss/.*"])), Chart(title="band",
    /// margin=MarginChartContent(series=[Series(value="mean", lower="low", upper="high")]))]),
    /// Category(title="closed one", closed=True, chart=[Chart(title="")])]).SerializeToString()`.
    static let layout = CustomScalarLayout([
        .init(
            "losses",
            charts: [
                .multiline("train vs validation", tagPatterns: ["epoch_loss$", "loss/.*"]),
                .margin("band", value: "mean", lower: "low", upper: "high"),
            ]
        ),
        .init("closed one", charts: [.init(title: "", content: nil)], isClosed: true),
    ])
    static let layoutHex =
        "12540a066c6f73736573122d0a13747261696e2076732076616c69646174696f6e12160a0b65706f63685f6c6f7373240a076c6f73732f"
        + "2e2a121b0a0462616e641a130a110a046d65616e12036c6f771a046869676812100a0a636c6f736564206f6e6512001801"

    @Test func aLayoutEncodesAsTensorBoardsLayoutProtoAndDecodesBack() throws {
        let bytes = Self.layout.serializedBytes()
        #expect(bytes.map { String(format: "%02x", $0) }.joined() == Self.layoutHex)
        #expect(try CustomScalarLayout(serializedBytes: bytes) == Self.layout)
    }

    @Test func aRepeatedOneofMemberMergesAsProtobufDoes() throws {
        // Two `multiline` fields in one chart: protobuf merges them into one message with both tags.
        let chart: [UInt8] = [0x12, 0x03, 0x0a, 0x01, 0x61, 0x12, 0x03, 0x0a, 0x01, 0x62]
        let category: [UInt8] = [0x12, UInt8(chart.count)] + chart
        let layout = try CustomScalarLayout(serializedBytes: [0x12, UInt8(category.count)] + category)
        #expect(layout.categories.first?.charts.first?.content == .multiline(tagPatterns: ["a", "b"]))
    }

    @Test func theWriterLogsTheLayoutAsThePluginsWritersDo() throws {
        let writer = try SummaryWriter(runDirectory: directory.path + "/run")
        try writer.customScalarLayout(Self.layout)
        try writer.close()
        let run = try #require(try Logdir.read(directory.path).runs.first)
        let point = try #require(run.points(CustomScalarLayout.tag).first)
        #expect(point.step == 0)
        let series = try #require(run.series.first { $0.tag == CustomScalarLayout.tag })
        #expect(series.pluginName == "custom_scalars")
        guard case .tensor(let tensor) = point.value else {
            Issue.record("expected a tensor, got \(point.value)")
            return
        }
        #expect(tensor.dataType == .string)
        #expect(tensor.shape?.dimensions.isEmpty == true)
        #expect(tensor.stringValues.count == 1)
        #expect(try CustomScalarLayout(serializedBytes: tensor.stringValues.first ?? []) == Self.layout)
    }

    @Test func siblingScalarsGoToOneRunPerKeyUnderTheMainTag() throws {
        let root = directory.path + "/runs/exp"
        let writer = try SummaryWriter(runDirectory: root)
        for step in 0..<50 {
            try writer.siblingScalars(
                "loss/total",
                ["train": Double(step), "validation": Double(step) / 2],
                step: step
            )
        }
        try writer.siblingScalars("loss/total", ["test": 1], step: 49, wallTime: 1_700_000_000)
        try writer.close()
        let log = try Logdir.read(directory.path + "/runs")
        // The writer's own run holds its file (as PyTorch's does) and no points.
        #expect(
            log.runs.map(\.name).sorted() == [
                "exp", "exp/loss_total_test", "exp/loss_total_train", "exp/loss_total_validation",
            ]
        )
        #expect(log.run(named: "exp")?.tags == [])
        for run in log.runs where run.name != "exp" {
            #expect(run.tags == ["loss/total"])
            // One writer per sibling for the whole run: one event file each.
            let files = try FileManager.default.contentsOfDirectory(atPath: root + "/" + run.name.dropFirst(4))
            #expect(files.filter { $0.hasPrefix("events.out.tfevents.") }.count == 1, "\(run.name)")
        }
        let validation = try #require(log.run(named: "exp/loss_total_validation"))
        #expect(validation.scalars("loss/total").map(\.2) == (0..<50).map { Double($0) / 2 })
        let train = try #require(log.run(named: "exp/loss_total_train"))
        let trainTimes = train.points("loss/total").map(\.wallTime)
        let validationTimes = validation.points("loss/total").map(\.wallTime)
        #expect(trainTimes == validationTimes)  // one wall time per call
        #expect(log.run(named: "exp/loss_total_test")?.points("loss/total").map(\.wallTime) == [1_700_000_000])
    }

    @Test func siblingScalarsAfterCloseAreRefusedAndOpenNoRun() throws {
        let writer = try SummaryWriter(runDirectory: directory.path + "/closed")
        try writer.siblingScalars("acc", ["a": 1], step: 0)
        try writer.close()
        #expect(throws: EventFileError.self) { try writer.siblingScalars("acc", ["a": 2], step: 1) }
        #expect(throws: EventFileError.self) { try writer.siblingScalars("acc", ["new": 2], step: 1) }
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/closed/acc_new"))
        let points = try Logdir.read(directory.path + "/closed").run(named: "acc_a")?.points("acc")
        #expect(points?.map(\.step) == [0])
    }
}
