import Foundation
import TestSupport
import Testing

@testable import EventDumpKit
@testable import TensorBoardEvents

@Suite struct FollowTests {
    let directory = TemporaryDirectory()

    @Test func recordsFollowWaitsOnAPartlyWrittenRecordAndPrintsItWhenComplete() throws {
        let source = packageRoot + "/fixtures/peers/tb_writer_legacy/run"
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: source).sorted().first)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: source + "/" + name)))
        let file = directory.path + "/events.out.tfevents.1.follow"
        writeFile(bytes, to: file)
        let appender = Thread {
            guard let handle = FileHandle(forWritingAtPath: file) else { return }
            handle.seekToEndOfFile()
            usleep(300_000)
            handle.write(Data(bytes[..<10]))  // half a record header: the reader must wait, not fail
            usleep(300_000)
            handle.write(Data(bytes[10...]))
            try? handle.close()
        }
        appender.start()
        let result = eventdump(
            "records",
            file,
            "--follow",
            "--format",
            "csv",
            "--interval",
            "0.05",
            "--follow-timeout",
            "1.5"
        )
        let once = eventdump("records", file, "--format", "csv")  // the file as it is in the end: two copies
        #expect(result.status == 0)
        #expect(result.output == once.output)
        let rows = once.output.split(separator: "\n").dropFirst()
        #expect(rows.count % 2 == 0 && rows.allSatisfy { $0.contains(",ok,") })
        #expect(result.errors.hasSuffix("\(rows.count) good, 0 corrupt, 0 truncated\n"))
    }

    @Test func followPrintsPointsAsTheyAreAppendedIncludingNewRuns() throws {
        let first = try SummaryWriter(runDirectory: directory.path + "/a", options: .init(flushInterval: 0))
        try first.scalar("x", Float(1), step: 1, wallTime: 10)
        let secondRun = directory.path + "/b"
        let writerThread = Thread {
            usleep(300_000)
            try? first.scalar("x", Float(2), step: 2, wallTime: 11)
            let second = try? SummaryWriter(runDirectory: secondRun, options: .init(flushInterval: 0))
            try? second?.scalar("y", Float(3), step: 1, wallTime: 12)
            try? second?.close()
        }
        writerThread.start()
        let result = eventdump(
            "scalars",
            directory.path,
            "--follow",
            "--format",
            "csv",
            "--interval",
            "0.05",
            "--follow-timeout",
            "1.5"
        )
        try first.close()
        #expect(result.status == 0)
        #expect(result.output == "run,tag,step,wall_time,value\na,x,1,10.0,1.0\na,x,2,11.0,2.0\nb,y,1,12.0,3.0\n")
    }
}
