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
