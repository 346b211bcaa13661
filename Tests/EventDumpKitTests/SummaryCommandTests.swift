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

@Suite struct SummaryWindowTests {
    let directory = TemporaryDirectory()

    @Test func theMeanIsOfTheLastKPointsForAnyK() throws {
        let writer = try SummaryWriter(runDirectory: directory.path + "/run")
        for step in 1...10 { try writer.scalar("x", Float(step), step: Int64(step), wallTime: 1) }
        try writer.close()
        func mean(_ last: String) -> String? {
            let output = eventdump("summary", directory.path, "--format", "csv", "--last", last).output
            return output.split(separator: "\n").last?.split(separator: ",", omittingEmptySubsequences: false)
                .dropFirst(11).first.map(String.init)
        }
        #expect(mean("3") == "9.0")  // (8 + 9 + 10) / 3
        #expect(mean("1") == "10.0")
        #expect(mean("10") == "5.5")
        #expect(mean("1000000000000000") == "5.5")  // more than there are: all of them
    }
}
