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

@Suite struct WideTests {
    let directory = TemporaryDirectory()

    @Test func severalValuesOfATagAtOneStepAreAllShownAsAListAndCounted() throws {
        // With --keep-all, steps 2 and 3 hold a value of each attempt: 2 then 5, 1 then 6.
        try writeRestartedRun(
            directory.path + "/run",
            tag: "loss",
            first: [4, 3, 2, 1],
            resumeStep: 2,
            second: [5, 6]
        )
        let note =
            "note: run run: 2 cells of --wide hold several values of one tag at one step, printed as a list in reading order (as tbparse's pivot merges them)\n"
        #expect(
            eventdump("scalars", directory.path, "--wide", "--keep-all", "--format", "csv")
                == Invocation(
                    status: 0,
                    output: "run,step,loss\nrun,0,4.0\nrun,1,3.0\nrun,2,\"[2.0, 5.0]\"\nrun,3,\"[1.0, 6.0]\"\n",
                    errors: note
                )
        )
        #expect(
            eventdump("scalars", directory.path, "--wide", "--keep-all", "--format", "jsonl").output
                == "{\"run\":\"run\",\"step\":0,\"loss\":4.0}\n{\"run\":\"run\",\"step\":1,\"loss\":3.0}\n{\"run\":\"run\",\"step\":2,\"loss\":[2.0,5.0]}\n{\"run\":\"run\",\"step\":3,\"loss\":[1.0,6.0]}\n"
        )
        #expect(
            eventdump("scalars", directory.path, "--wide", "--keep-all", "--format", "text").output
                == "RUN  STEP        loss\nrun     0         4.0\nrun     1         3.0\nrun     2  [2.0, 5.0]\nrun     3  [1.0, 6.0]\n"
        )
        // TensorBoard's purge keeps the resumed values: one per cell, and nothing to note but the purge.
        let purged = eventdump("scalars", directory.path, "--wide", "--format", "csv")
        #expect(purged.output == "run,step,loss\nrun,0,4.0\nrun,1,3.0\nrun,2,5.0\nrun,3,6.0\n")
        #expect(!purged.errors.contains("several values"))
    }
}
