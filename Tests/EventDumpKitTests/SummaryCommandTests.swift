import Foundation
import TestSupport
import Testing

@testable import EventDumpKit
@testable import TensorBoardEvents

@Suite struct SummaryCommandTests {
    let directory = TemporaryDirectory()

    @Test func summaryGivesFirstLastMinMaxWithStepsAndSorts() throws {
        try writeSmallLog(directory.path)
        let result = eventdump(
            "summary",
            directory.path,
            "--format",
            "csv",
            "--last",
            "2",
            "--sort",
            "max",
            "--descending"
        )
        #expect(result.status == 0 && result.errors.isEmpty)
        #expect(
            result.output == """
                run,tag,count,first,first_step,last,last_step,min,min_step,max,max_step,mean_last,nan,inf
                exp/train,epoch_loss,8,1.0,0,0.0078125,7,0.0078125,7,1.0,0,0.01171875,0,0
                exp/validation,epoch_loss,8,1.0,0,1.0,7,0.5,2,1.0,0,0.9375,0,0

                """
        )
    }
}
