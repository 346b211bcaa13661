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
