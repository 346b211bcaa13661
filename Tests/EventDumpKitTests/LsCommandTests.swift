import Foundation
import TestSupport
import Testing

@testable import EventDumpKit
@testable import TensorBoardEvents

@Suite struct LsCommandTests {
    let directory = TemporaryDirectory()

    @Test func lsListsKindsPointsAndSteps() throws {
        try writeSmallLog(directory.path)
        let result = eventdump("ls", directory.path, "--format", "csv")
        #expect(
            result.output == """
                run,tag,kind,plugin,points,first_step,last_step,first_wall_time,last_wall_time
                exp/train,_hparams_/experiment,hparams,hparams,1,0,0,1000.0,1000.0
                exp/train,_hparams_/session_start_info,hparams,hparams,1,0,0,1000.0,1000.0
                exp/train,epoch_loss,scalar,scalars,8,0,7,1000.0,1007.0
                exp/train,notes,text,text,1,0,0,1000.0,1000.0
                exp/train,w,histogram,histograms,1,0,0,1000.0,1000.0
                exp/validation,epoch_loss,scalar,scalars,8,0,7,1000.5,1007.5

                """
        )
    }
}
