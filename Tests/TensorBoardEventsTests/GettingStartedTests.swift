import TestSupport
import Testing

@testable import TensorBoardEvents

/// The code of the DocC "Getting started" article, run as a test so the article stays true.
@Suite struct GettingStartedTests {
    let directory = TemporaryDirectory()

    @Test func theArticlesWriteAndReadExamplesWork() throws {
        let weights: [Float] = [0.5, -0.25, 1]
        let train = try SummaryWriter(runDirectory: directory.path + "/runs/demo/train")
        for epoch in 0..<10 {
            try train.scalar("epoch_loss", 1.0 / Double(epoch + 1), step: Int64(epoch))
        }
        try train.histogram("dense/kernel", values: weights, step: 9)
        try train.text("notes", "**lr** = 0.01", step: 0)
        try train.scalars(["loss": 0.25, "accuracy": 0.875], step: 12)
        try train.close()

        var printed: [String] = []
        let (runs, problems) = try Logdir.discoverRuns(in: directory.path + "/runs/demo")
        #expect(problems.isEmpty)
        for run in runs {
            var decoder = RunDecoder(filter: .init(kinds: [.scalar]))
            var points: [ScalarPoint] = []
            for file in run.files {
                var reader = try EventFileReader(path: file)
                while true {
                    do {
                        let more = try reader.readRecord { offset, payload in
                            try? decoder.decodeScalars(payload) { points.append($0) }
                        }
                        if more == nil { break }
                    } catch {
                        printed.append("\(error)")
                    }
                }
            }
            for point in points {
                printed.append("\(run.name) \(decoder.tag(ofSeries: point.seriesIndex)) \(point.step) \(point.value)")
            }
        }
        #expect(printed.count == 12)
        #expect(printed.first == "train epoch_loss 0 1.0")
        #expect(printed[9] == "train epoch_loss 9 \(Double(Float(0.1)))")
        #expect(Set(printed.suffix(2)) == ["train loss 12 0.25", "train accuracy 12 0.875"])

        var printedByRead: [String] = []
        let log = try Logdir.read(directory.path + "/runs/demo")
        for run in log.runs {
            for (step, _, value) in run.scalars("epoch_loss") {
                printedByRead.append("\(run.name) epoch_loss \(step) \(value)")
            }
        }
        for damage in log.damage { printedByRead.append("\(damage)") }
        #expect(printedByRead == Array(printed.prefix(10)))
    }
}
