import Foundation
import TestSupport
import Testing

@testable import EventDumpKit
@testable import TensorBoardEvents

@Suite struct ScalarsCommandTests {
    let directory = TemporaryDirectory()

    @Test func scalarsWideAndSmoothed() throws {
        try writeSmallLog(directory.path)
        let wide = eventdump("scalars", directory.path, "--wide", "--format", "csv", "--steps", "6:")
        #expect(
            wide.output
                == "run,step,epoch_loss\nexp/train,6,0.015625\nexp/train,7,0.0078125\nexp/validation,6,0.875\nexp/validation,7,1.0\n"
        )
        let smoothed = eventdump(
            "scalars",
            directory.path,
            "--smooth",
            "0.6",
            "--format",
            "csv",
            "--run",
            "validation",
            "--steps",
            ":1"
        )
        let expected = Smoothing.smooth([1.0, 0.75, 0.5, 0.5, 0.625, 0.75, 0.875, 1.0], weight: 0.6)
        #expect(
            smoothed.output
                == "run,tag,step,wall_time,value,smoothed\nexp/validation,epoch_loss,0,1000.5,1.0,\(expected[0])\nexp/validation,epoch_loss,1,1001.5,0.75,\(expected[1])\n"
        )
    }

    @Test func everyFormatRendersTheSameTable() throws {
        try writeSmallLog(directory.path)
        let arguments = ["scalars", directory.path, "--run", "validation", "--steps", "0:1"]
        #expect(
            eventdump(arguments + ["--format", "tsv"]).output
                == "run\ttag\tstep\twall_time\tvalue\nexp/validation\tepoch_loss\t0\t1000.5\t1.0\nexp/validation\tepoch_loss\t1\t1001.5\t0.75\n"
        )
        #expect(
            eventdump(arguments + ["--format", "json"]).output
                == "[\n{\"run\":\"exp/validation\",\"tag\":\"epoch_loss\",\"step\":0,\"wall_time\":1000.5,\"value\":1.0},\n{\"run\":\"exp/validation\",\"tag\":\"epoch_loss\",\"step\":1,\"wall_time\":1001.5,\"value\":0.75}\n]\n"
        )
        #expect(
            eventdump(arguments + ["--format", "markdown"]).output
                == "| run            | tag        | step | wall_time | value |\n| -------------- | ---------- | ---: | --------: | ----: |\n| exp/validation | epoch_loss |    0 |    1000.5 |   1.0 |\n| exp/validation | epoch_loss |    1 |    1001.5 |  0.75 |\n"
        )
    }
}
