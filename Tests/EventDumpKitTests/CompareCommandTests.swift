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
                == "pair,metric,best_epoch,best_validation,overfitting_from,early_stop_after\nexp,loss,2,0.5,3,4\n"
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
