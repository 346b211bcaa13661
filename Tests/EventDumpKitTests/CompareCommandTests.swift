import Foundation
import TestSupport
import Testing

@testable import EventDumpKit
@testable import TensorBoardEvents

@Suite struct CompareCommandTests {
    let directory = TemporaryDirectory()

    @Test func compareFindsTheBestEpochOverfittingAndWhereEarlyStoppingWouldStop() throws {
        try writeSmallLog(directory.path)
        let analysis = eventdump(
            "compare",
            directory.path,
            "--format",
            "csv",
            "--analysis",
            "--patience",
            "2",
            "--window",
            "4"
        )
        #expect(analysis.status == 0)
        #expect(
            analysis.output
                == "pair,metric,mode,best_epoch,best_validation,overfitting_from,early_stop_after\nexp,loss,min,2,0.5,3,4\n"
        )
        let table = eventdump("compare", directory.path, "--format", "csv")
        #expect(
            table.output.hasPrefix(
                "pair,metric,epoch,training,validation,gap\nexp,loss,0,1.0,1.0,0.0\nexp,loss,1,0.5,0.75,0.25\n"
            )
        )
    }
}

@Suite struct CompareRestartTests {
    let directory = TemporaryDirectory()

    @Test func pointsDroppedAfterARestartAreReportedPerRun() throws {
        // Each run's first attempt logged epochs 0-3; the second resumed at epoch 2, so TensorBoard drops the first
        // attempt's epochs 2 and 3: two points per run.
        try writeRestartedRun(
            directory.path + "/exp/train",
            tag: "epoch_loss",
            first: [1, 0.5, 9, 9],
            resumeStep: 2,
            second: [0.25, 0.125]
        )
        try writeRestartedRun(
            directory.path + "/exp/validation",
            tag: "epoch_loss",
            first: [1, 0.75, 9, 9],
            resumeStep: 2,
            second: [0.5, 0.625]
        )
        let result = eventdump("compare", directory.path, "--format", "csv")
        #expect(result.status == 0)
        #expect(
            result.errors == """
                note: run exp/train: 2 points dropped as TensorBoard drops them after a restart (use --keep-all to keep them)
                note: run exp/validation: 2 points dropped as TensorBoard drops them after a restart (use --keep-all to keep them)

                """
        )
        #expect(
            result.output == """
                pair,metric,epoch,training,validation,gap
                exp,loss,0,1.0,1.0,0.0
                exp,loss,1,0.5,0.75,0.25
                exp,loss,2,0.25,0.5,0.25
                exp,loss,3,0.125,0.625,0.5

                """
        )
        let kept = eventdump("compare", directory.path, "--format", "csv", "--keep-all")
        #expect(kept.errors.isEmpty)
    }
}

@Suite struct CompareWithinOneRunTests {
    let directory = TemporaryDirectory()

    /// One run holding both sides of two metrics, as x and val_x tags: a loss to minimize and an accuracy to
    /// maximize, where validation is best at epoch 2 and then gets worse while training keeps improving.
    private func writeOneRunLog() throws {
        let writer = try SummaryWriter(runDirectory: directory.path + "/fit")
        let trainLoss: [Float] = [1.0, 0.8, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1]
        let validationLoss: [Float] = [1.0, 0.9, 0.8, 0.85, 0.9, 0.95, 1.0, 1.05]
        let trainAccuracy: [Float] = [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.99]
        let validationAccuracy: [Float] = [0.5, 0.6, 0.7, 0.65, 0.6, 0.55, 0.5, 0.45]
        for epoch in 0..<8 {
            let step = Int64(epoch)
            try writer.scalar("loss", trainLoss[epoch], step: step, wallTime: 1)
            try writer.scalar("val_loss", validationLoss[epoch], step: step, wallTime: 1)
            try writer.scalar("metrics/accuracy", trainAccuracy[epoch], step: step, wallTime: 1)
            try writer.scalar("metrics/val_accuracy", validationAccuracy[epoch], step: step, wallTime: 1)
            try writer.scalar("learning_rate", Float(0.1), step: step, wallTime: 1)  // no validation side
        }
        try writer.close()
    }

    @Test func xAndValXTagsInOneRunArePairedAndAnAccuracyOverfitsWhenItFalls() throws {
        try writeOneRunLog()
        let analysis = eventdump(
            "compare",
            directory.path,
            "--format",
            "csv",
            "--analysis",
            "--patience",
            "2",
            "--window",
            "4"
        )
        #expect(analysis.status == 0 && analysis.errors.isEmpty)
        // Best at epoch 2 for both; validation worse from epoch 3; two epochs without improvement: stop after 4.
        #expect(
            analysis.output == """
                pair,metric,mode,best_epoch,best_validation,overfitting_from,early_stop_after
                fit,loss,min,2,\(Double(Float(0.8))),3,4
                fit,metrics/accuracy,max,2,\(Double(Float(0.7))),3,4

                """
        )
        let epochs = eventdump("compare", directory.path, "--format", "csv", "--tag", "accuracy")
        let rows = epochs.output.split(separator: "\n")
        #expect(rows.first == "pair,metric,epoch,training,validation,gap")
        #expect(rows.count == 1 + 8)
        #expect(rows.dropFirst().allSatisfy { $0.hasPrefix("fit,metrics/accuracy,") })
        #expect(rows.dropFirst().first == "fit,metrics/accuracy,0,0.5,0.5,0.0")
    }

    @Test func tagsMarkTheirSideInAnyPathComponent() {
        func marked(_ tag: String) -> String? {
            ComparePairs.marked(tag).map { "\($0.metric) \($0.side == .validation ? "validation" : "training")" }
        }
        #expect(marked("val_loss") == "loss validation")
        #expect(marked("metrics/val_loss") == "metrics/loss validation")
        #expect(marked("val/loss") == "loss validation")
        #expect(marked("loss/validation") == "loss validation")
        #expect(marked("train/loss") == "loss training")
        #expect(marked("metrics/train_acc") == "metrics/acc training")
        #expect(marked("loss") == nil && marked("val") == nil && marked("val_") == nil)
        #expect(marked("interval/loss") == nil)
    }

    @Test func siblingTrainAndValidationRunsPairEveryTagTheyShare() throws {
        for (run, values) in [("train", [Float(0.9), 0.8]), ("validation", [Float(0.7), 0.6])] {
            let writer = try SummaryWriter(runDirectory: directory.path + "/exp/" + run)
            for (step, value) in values.enumerated() {
                try writer.scalar("metrics/loss", value, step: Int64(step), wallTime: 1)
                try writer.scalar(
                    run == "train" ? "batch_loss" : "evaluation_loss",
                    value,
                    step: Int64(step),
                    wallTime: 1
                )
            }
            try writer.close()
        }
        let table = eventdump("compare", directory.path, "--format", "csv")
        let gap0 = Double(Float(0.7)) - Double(Float(0.9))
        let gap1 = Double(Float(0.6)) - Double(Float(0.8))
        #expect(
            table.output == """
                pair,metric,epoch,training,validation,gap
                exp,metrics/loss,0,\(Double(Float(0.9))),\(Double(Float(0.7))),\(gap0)
                exp,metrics/loss,1,\(Double(Float(0.8))),\(Double(Float(0.6))),\(gap1)

                """
        )
    }
}
