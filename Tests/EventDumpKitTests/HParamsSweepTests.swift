import Foundation
import TestSupport
import Testing

@testable import EventDumpKit
@testable import TensorBoardEvents

/// `eventdump hparams` over a sweep laid out as `hp.hparams_config` and `hp.hparams` lay one out: the experiment
/// in the sweep's own run, a session in each trial's run, the metrics in the trials' `validation` runs.
@Suite struct HParamsSweepTests {
    let directory = TemporaryDirectory()

    private func writeSweep() throws {
        let root = try SummaryWriter(runDirectory: directory.path + "/sweep")
        try root.hparamsConfig(
            [.init(name: "lr", type: 3, domain: .discrete([.number(0.1), .number(0.5)]))],
            metrics: [.init(group: "validation", tag: "epoch_loss"), .init(group: "", tag: "best_val_loss")],
            wallTime: 1
        )
        try root.close()
        let trials: [(name: String, lr: Double, losses: [Float])] = [
            ("lr-0.1_seed-1", 0.1, [0.5, 0.25, 0.375]), ("lr-0.5_seed-1", 0.5, [0.75, 0.125, 0.0625]),
        ]
        for trial in trials {
            let run = directory.path + "/sweep/" + trial.name
            let session = try SummaryWriter(runDirectory: run)
            try session.hparamsSession(["lr": .number(trial.lr)], wallTime: 1)
            let validation = try SummaryWriter(runDirectory: run + "/validation")
            for (step, loss) in trial.losses.enumerated() {
                try validation.scalar("epoch_loss", loss, step: step, wallTime: 2)
                try session.scalar("best_val_loss", trial.losses[...step].min() ?? loss, step: step, wallTime: 2)
            }
            try session.hparamsEnd(status: .success, wallTime: 3)
            try session.close()
            try validation.close()
        }
    }

    @Test func aSweepShowsEachTrialOnceWithTheRootExperimentsMetrics() throws {
        try writeSweep()
        let header =
            "run,lr,validation/epoch_loss best,validation/epoch_loss final,best_val_loss best,best_val_loss final,status"
        let result = eventdump("hparams", directory.path + "/sweep", "--format", "csv")
        #expect(result.status == 0 && result.errors.isEmpty)
        #expect(
            result.output == """
                \(header)
                lr-0.1_seed-1,0.1,0.25,0.375,0.25,0.25,success
                lr-0.5_seed-1,0.5,0.0625,0.0625,0.0625,0.0625,success

                """
        )
        // From the directory above, the runs are named from there; the same rows.
        #expect(
            eventdump("hparams", directory.path, "--format", "csv").output == """
                \(header)
                sweep/lr-0.1_seed-1,0.1,0.25,0.375,0.25,0.25,success
                sweep/lr-0.5_seed-1,0.5,0.0625,0.0625,0.0625,0.0625,success

                """
        )
    }
}
