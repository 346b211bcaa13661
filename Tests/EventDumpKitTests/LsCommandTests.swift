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

@Suite struct LsListingTests {
    let directory = TemporaryDirectory()

    @Test func firstAndLastAreInReadingOrderNotTheLowestAndHighest() throws {
        // Reading order with --keep-all: steps 0 1 2 3 (wall times 1000-1003), then 1 again (wall time 2001).
        try writeRestartedRun(directory.path + "/run", tag: "loss", first: [4, 3, 2, 1], resumeStep: 1, second: [5])
        #expect(
            eventdump("ls", directory.path, "--format", "csv", "--keep-all").output == """
                run,tag,kind,plugin,points,first_step,last_step,first_wall_time,last_wall_time
                run,loss,scalar,scalars,5,0,1,1000.0,2001.0

                """
        )
        let text = eventdump("ls", directory.path, "--keep-all").output
        #expect(text.contains("  loss  scalar       5  0…1    16.7 min\n"), "\(text)")  // 1001 s
    }

    @Test func theMachineFormatsListTheFilesWithFiles() throws {
        try writeSmallLog(directory.path)
        let files = try ["exp/train", "exp/validation"].flatMap { try eventFiles(in: directory.path + "/" + $0) }
        var expected = "run,file,bytes\n"
        for file in files {
            let size = try #require(try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int)
            let run = file.contains("/exp/train/") ? "exp/train" : "exp/validation"
            expected += "\(run),\(file),\(size)\n"
        }
        #expect(eventdump("ls", directory.path, "--format", "csv", "--files").output == expected)
        let markdown = eventdump("ls", directory.path, "--format", "markdown").output
        #expect(markdown.hasPrefix("| run ") && markdown.contains("| bytes |") && markdown.contains("| first_step |"))
        #expect(markdown.components(separatedBy: "\n\n").count == 2)  // two tables
    }
}
