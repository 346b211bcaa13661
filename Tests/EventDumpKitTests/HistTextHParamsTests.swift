import Foundation
import TestSupport
import Testing

@testable import EventDumpKit
@testable import TensorBoardEvents

@Suite struct HistTextHParamsTests {
    let directory = TemporaryDirectory()

    @Test func histTextAndHParamsPrintTheirValues() throws {
        try writeSmallLog(directory.path)
        #expect(
            eventdump("hist", directory.path, "--format", "csv").output
                == "run,tag,step,wall_time,left,right,count\nexp/train,w,0,1000.0,0.0,1.0,2.0\n"
        )
        #expect(
            eventdump("text", directory.path, "--format", "jsonl").output
                == "{\"run\":\"exp/train\",\"tag\":\"notes\",\"step\":0,\"wall_time\":1000.0,\"text\":\"line one\\nline two\"}\n"
        )
        #expect(
            eventdump("text", directory.path, "--format", "text").output
                == "RUN        TAG    STEP  WALL_TIME  TEXT\nexp/train  notes     0     1000.0  line one\\nline two\n"
        )
        #expect(
            eventdump("hparams", directory.path, "--format", "csv").output
                == "run,lr,epoch_loss best,epoch_loss final,status\nexp/train,0.5,0.0078125,0.0078125,\n"
        )
    }
}

@Suite struct HParamsRestartTests {
    let directory = TemporaryDirectory()

    @Test func pointsDroppedAfterARestartAreReportedOncePerRun() throws {
        let run = directory.path + "/trial"
        try writeRestartedRun(run, tag: "epoch_loss", first: [1, 0.5, 0.1, 0.1], resumeStep: 2, second: [0.4, 0.3])
        let writer = try SummaryWriter(runDirectory: directory.path + "/scratch")
        try writer.hparams(["lr": 0.5], metrics: [.init(group: "", tag: "epoch_loss")], wallTime: 1)
        try writer.close()
        try FileManager.default.moveItem(atPath: writer.filePath, toPath: run + "/events.out.tfevents.0000000000.hp")
        let result = eventdump("hparams", directory.path, "--format", "csv")
        #expect(
            result.errors
                == "note: run trial: 2 points dropped as TensorBoard drops them after a restart (use --keep-all to keep them)\n"
        )
        // The dropped 0.1s are not the best value: the resumed attempt's 0.3 is.
        let best = Double(Float(0.3))  // stored as a 32-bit float
        #expect(result.output == "run,lr,epoch_loss best,epoch_loss final,status\ntrial,0.5,\(best),\(best),\n")
    }
}

@Suite struct HParamsInferenceTests {
    let directory = TemporaryDirectory()

    /// A session start alone (no experiment), as some writers log it.
    private func writeSession(_ run: String, learningRate: Double) throws {
        let start = HParamsPluginData.SessionStartInfo(
            hparams: ["lr": .number(learningRate)],
            groupName: "",
            startTimeSeconds: 1
        )
        let value = Summary.Value(
            tag: HParamsPluginData.sessionStartInfoTag,
            kind: .tensor(TensorProto(dataType: .float, shape: TensorShapeProto([0]))),
            metadata: .hparams(HParamsPluginData(data: .sessionStartInfo(start)))
        )
        let writer = try SummaryWriter(runDirectory: directory.path + "/" + run)
        try writer.write(Event(wallTime: 1, step: 0, content: .summary(Summary(values: [value]))))
        try writer.close()
    }

    private func writeScalars(_ run: String, _ tag: String, _ values: [Float]) throws {
        let writer = try SummaryWriter(runDirectory: directory.path + "/" + run)
        for (step, value) in values.enumerated() { try writer.scalar(tag, value, step: Int64(step), wallTime: 2) }
        try writer.close()
    }

    @Test func withoutAnExperimentTheMetricsAreInferredFromTheSessionsScalarsAsTheDashboardDoes() throws {
        // The example of TensorBoard's hparams backend_context._compute_metric_names: sessions exp/session1 and
        // exp/session2; a run below a session belongs to it (group: the path below); exp/no-session to none.
        try writeSession("exp/session1", learningRate: 0.1)
        try writeSession("exp/session2", learningRate: 0.01)
        try writeScalars("exp/session1", "loss", [0.5, 0.25])
        try writeScalars("exp/session2", "loss", [0.75, 0.125])
        try writeScalars("exp/session2/eval", "loss", [1.5, 0.625])
        try writeScalars("exp/session2/validation", "accuracy", [0.5, 0.875])
        try writeScalars("exp/no-session", "loss_2", [3])
        let result = eventdump("hparams", directory.path, "--format", "csv")
        #expect(result.status == 0 && result.errors.isEmpty)
        // Metrics sorted by (tag, group): (accuracy, validation), (loss, ""), (loss, eval).
        #expect(
            result.output == """
                run,lr,validation/accuracy best,validation/accuracy final,loss best,loss final,eval/loss best,eval/loss final,status
                exp/session1,0.1,,,0.25,0.25,,,
                exp/session2,0.01,0.875,0.875,0.125,0.125,0.625,0.625,

                """
        )
        // --tag picks the metrics; the hyperparameters are still read.
        #expect(
            eventdump("hparams", directory.path, "--format", "csv", "--tag", "^acc").output == """
                run,lr,validation/accuracy best,validation/accuracy final,status
                exp/session1,0.1,,,
                exp/session2,0.01,0.875,0.875,

                """
        )
    }
}
