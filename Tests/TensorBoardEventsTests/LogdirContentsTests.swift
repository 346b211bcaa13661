import Foundation
import TestSupport
import Testing

@testable import TensorBoardEvents

// Logdir.read against TensorBoard's own loader is PeerFixtureTests (it reads every peer set with it); these
// tests cover damage, restarts and the accessors.

@Suite struct LogdirContentsTests {
    let directory = TemporaryDirectory()

    @Test func readsEveryRunAndReportsEachDamageWithItsFileAndOffset() throws {
        let writer = try SummaryWriter(runDirectory: directory.path + "/train")
        for step in 0..<5 {
            try writer.scalar("loss", Float(step) / 4, step: Int64(step), wallTime: 1_000 + Double(step))
        }
        try writer.text("notes", "hello", step: 0, wallTime: 1_010)
        try writer.close()
        let validation = try SummaryWriter(runDirectory: directory.path + "/validation")
        try validation.scalar("loss", Float(0.5), step: 0, wallTime: 1_020)
        try validation.close()

        // Damage the train file: a flipped payload byte in the third scalar, then a record that is not an
        // event, then half a record.
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: writer.filePath)))
        let intact = try readAll(writer.filePath)
        let third = intact.events[3]
        bytes[Int(third.offset) + TFRecordFrame.headerSize + 2] ^= 0x40
        let notAnEventOffset = Int64(bytes.count)
        bytes += TFRecordFrame.framed([0xFF, 0xFF])
        let tailOffset = Int64(bytes.count)
        bytes += Array(
            TFRecordFrame.framed(Event(wallTime: 1, step: 9, content: .fileVersion("x")).serializedBytes()).prefix(7)
        )
        #expect(writeFile(bytes, to: writer.filePath))

        let contents = try Logdir.read(directory.path)
        #expect(contents.runs.map(\.name) == ["train", "validation"])
        let train = try #require(contents.run(named: "train"))
        #expect(train.tags == ["loss", "notes"])
        #expect(train.scalars("loss").map(\.step) == [0, 1, 3, 4])
        #expect(train.scalars("loss").map(\.value) == [0, 0.25, 0.75, 1])
        #expect(train.points("notes").map(\.value) == [.text(["hello"], shape: [])])
        #expect(train.points("missing").isEmpty)
        #expect(train.series.map(\.pluginName) == ["scalars", "text"])
        #expect(contents.run(named: "validation")?.scalars("loss").map(\.value) == [0.5])
        #expect(contents.damage.map(\.path) == [writer.filePath, writer.filePath])
        #expect(contents.damage.map(\.offset) == [third.offset, notAnEventOffset])
        guard contents.damage.count == 2 else { return }
        if case .payloadChecksumMismatch = contents.damage[0].code {} else { Issue.record("\(contents.damage[0])") }
        if case .invalidEvent = contents.damage[1].code {} else { Issue.record("\(contents.damage[1])") }
        #expect(contents.incompleteTails == [.init(path: writer.filePath, offset: tailOffset, byteCount: 7)])
        #expect(contents.discoveryProblems.isEmpty)
    }

    @Test func appliesTensorBoardsRestartPurgingUnlessAskedToKeepEverything() throws {
        let run = directory.path + "/resumed"
        let first = try SummaryWriter(runDirectory: run)
        for step in 0..<6 { try first.scalar("loss", Float(step), step: Int64(step)) }
        try first.close()
        let second = try SummaryWriter(runDirectory: run, options: .init(resumeStep: 3))
        for step in 3..<5 { try second.scalar("loss", Float(step) * 10, step: Int64(step)) }
        try second.close()

        let purged = try #require(try Logdir.read(run).runs.first)
        #expect(purged.scalars("loss").map(\.value) == [0, 1, 2, 30, 40])
        #expect(purged.points.purgedCount == 3)
        let everything = try #require(try Logdir.read(run, purging: nil).runs.first)
        #expect(everything.scalars("loss").map(\.value) == [0, 1, 2, 3, 4, 5, 30, 40])
    }

    @Test func decodesOnlyWhatTheFilterAsksFor() throws {
        let writer = try SummaryWriter(runDirectory: directory.path)
        try writer.scalar("loss", Float(1), step: 0)
        try writer.text("notes", "skipped", step: 0)
        try writer.close()
        let contents = try Logdir.read(directory.path, filter: .init(kinds: [.scalar]))
        #expect(contents.runs.map(\.name) == ["."])
        #expect(contents.runs.first?.tags == ["loss"])
    }

    @Test func rejectsAMissingLogdir() {
        #expect(throws: LogdirError(.notADirectory(errno: ENOENT), path: directory.path + "/missing")) {
            _ = try Logdir.read(directory.path + "/missing")
        }
    }
}
