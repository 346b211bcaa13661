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
