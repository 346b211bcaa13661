import Foundation
import TestSupport
import Testing

@testable import TensorBoardEvents

/// A writer that resumes by tag: its file of version 1 and its markers make TensorBoard's Python loader drop
/// each tag's stale points from the step it is written at again, on two step axes at once, as the Rust loader
/// does by itself.
@Suite struct ResumeByTagTests {
    let directory = TemporaryDirectory()

    /// Epochs `epochs` of a run logging `epoch_*` at the epoch and `batch_*` every batch at the global step
    /// (4 batches per epoch), values offset by `offset` so that each attempt's points can be told apart.
    private func write(_ writer: SummaryWriter, epochs: Range<Int>, batchesOfLast: Int = 4, offset: Double) throws {
        for epoch in epochs {
            let batches = epoch == epochs.upperBound - 1 ? batchesOfLast : 4
            for batch in 0..<batches {
                let step = epoch * 4 + batch + 1
                try writer.scalars(["batch_loss": Double(step) + offset, "batch_accuracy": offset], step: step)
            }
            if batches == 4 {
                try writer.scalar("epoch_loss", Double(epoch) + offset, step: epoch)
                if epoch % 2 == 1 { try writer.histogram("weights", values: [offset], step: epoch) }
            }
        }
    }

    @Test(arguments: [RestartPurge.Rules.rustLoader, .pythonLoader, .both])
    func eachStepShowsOnceWithTheResumedValue(rules: RestartPurge.Rules) throws {
        let run = directory.path + "/train"
        let interrupted = try SummaryWriter(runDirectory: run)
        try write(interrupted, epochs: 0..<5, batchesOfLast: 2, offset: 0)  // killed in epoch 4, batch 2
        try interrupted.close()
        let resumed = try SummaryWriter(runDirectory: run, options: .init(resumesByTag: true))
        try write(resumed, epochs: 2..<6, offset: 1000)  // the backup was after epoch 1
        try resumed.close()
        let contents = try #require(try Logdir.read(directory.path, purging: rules).run(named: "train"))
        for tag in ["batch_loss", "batch_accuracy"] {
            let points = contents.scalars(tag)
            #expect(points.map(\.step) == Array(1...24), "\(tag)")
            #expect(points.allSatisfy { ($0.value >= 1000) == ($0.step > 8) }, "\(tag)")
        }
        let epochs = contents.scalars("epoch_loss")
        #expect(epochs.map(\.step) == Array(0...5) && epochs.allSatisfy { ($0.value >= 1000) == ($0.step >= 2) })
        // The stale histogram at epoch 3 follows epoch_loss at the same step: only its own marker purges it.
        #expect(contents.points("weights").map(\.step) == [1, 3, 5])
        #expect(contents.points("weights").map(\.wallTime).sorted() == contents.points("weights").map(\.wallTime))
    }

    @Test func theFileSaysVersion1AndMarksEachTagsFirstEvent() throws {
        let writer = try SummaryWriter(runDirectory: directory.path + "/run", options: .init(resumesByTag: true))
        try writer.scalar("a", 1, step: 7)
        try writer.scalar("b", 2, step: 7)
        try writer.scalar("a", 3, step: 8)
        try writer.scalar("c", 4, step: 2)  // goes back already: no marker
        try writer.close()
        let events = try readAll(writer.filePath).events.map(\.event)
        #expect(events.first?.fileVersion == "brain.Event:1")
        let summaries = events.dropFirst().map { event -> (Int64, [String]) in
            guard case .summary(let summary) = event.content else { return (event.step, ["?"]) }
            return (event.step, summary.values.map(\.tag))
        }
        #expect(summaries.map(\.0) == [8, 7, 8, 7, 8, 2])
        #expect(summaries.map(\.1) == [[], ["a"], [], ["b"], ["a"], ["c"]])
    }

    @Test func aResumeStepIsNotWrittenWhenResumingByTag() throws {
        let writer = try SummaryWriter(
            runDirectory: directory.path + "/run",
            options: .init(resumeStep: 3, resumesByTag: true)
        )
        try writer.close()
        #expect(try readAll(writer.filePath).events.count == 1)
    }
}
