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
            "4"  // the writes end after 0.6 s: a wide margin on a loaded machine
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
            "4"  // the writes end after 0.6 s: a wide margin on a loaded machine
        )
        try first.close()
        #expect(result.status == 0)
        #expect(result.output == "run,tag,step,wall_time,value\na,x,1,10.0,1.0\na,x,2,11.0,2.0\nb,y,1,12.0,3.0\n")
    }
}

/// `--follow` on problems: each is reported once, with its file and offset, and `--strict` stops at once.
@Suite struct FollowProblemTests {
    let directory = TemporaryDirectory()

    private func follow(_ arguments: String...) -> Invocation {
        eventdump(Array(arguments) + ["--interval", "0.05", "--follow-timeout", "0.3"])
    }

    @Test func aMissingLogDirectoryIsAOneLineErrorNotAnEndlessWait() {
        let missing = directory.path + "/nope"
        let started = Date()
        #expect(
            eventdump("scalars", missing, "--follow", "--format", "csv")
                == Invocation(
                    status: 1,
                    output: "",
                    errors: "Error: \(missing): not a readable directory: No such file or directory (errno 2)\n"
                )
        )
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test func aProblemThatPersistsIsReportedOnceNotOnEveryPoll() throws {
        let writer = try SummaryWriter(runDirectory: directory.path + "/run")
        try writer.scalar("x", Float(1), step: 0, wallTime: 10)
        try writer.close()
        // A symbolic link back up the tree: discovery reports it (and does not follow it) on every walk.
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/run/loop", withDestinationPath: "..")
        let result = follow("scalars", directory.path, "--follow", "--format", "csv")
        #expect(result.output == "run,tag,step,wall_time,value\nrun,x,0,10.0,1.0\n")
        #expect(result.errors == "warning: \(directory.path)/run/loop: symbolic link loop, not followed\n")
        #expect(result.status == 1)
    }

    @Test func anInvalidEventIsReportedWithItsFileAndOffsetAndStrictStopsAtIt() throws {
        let writer = try SummaryWriter(runDirectory: directory.path + "/run")
        try writer.scalar("x", Float(1), step: 0, wallTime: 10)
        try writer.close()
        let second = try SummaryWriter(runDirectory: directory.path + "/scratch")
        try second.scalar("x", Float(2), step: 1, wallTime: 11)
        try second.close()
        let head = try [UInt8](Data(contentsOf: URL(fileURLWithPath: writer.filePath)))
        let tail = try [UInt8](Data(contentsOf: URL(fileURLWithPath: second.filePath)))
        try FileManager.default.removeItem(atPath: directory.path + "/scratch")
        #expect(writeFile(head + TFRecordFrame.framed([0x0F]) + tail, to: writer.filePath))
        let warning =
            "warning: \(writer.filePath): offset \(head.count): record is not a valid Event: invalid field key 15 (field 1, wire type 7) at offset 0\n"
        let result = follow("scalars", directory.path, "--follow", "--format", "csv")
        #expect(
            result
                == Invocation(
                    status: 1,
                    output: "run,tag,step,wall_time,value\nrun,x,0,10.0,1.0\nrun,x,1,11.0,2.0\n",
                    errors: warning
                )
        )
        // --strict stops at the damage: the point after it (in the same poll) is not printed.
        let started = Date()
        let strict = eventdump(
            "scalars",
            directory.path,
            "--follow",
            "--strict",
            "--format",
            "csv",
            "--interval",
            "0.05",
            "--follow-timeout",
            "30"
        )
        #expect(
            strict
                == Invocation(
                    status: 1,
                    output: "run,tag,step,wall_time,value\nrun,x,0,10.0,1.0\n",
                    errors: warning + "Error: stopped at the first damaged record (--strict)\n"
                )
        )
        #expect(Date().timeIntervalSince(started) < 10)  // it stopped, rather than polling until the timeout
    }

    @Test func recordsFollowStrictStopsPollingAtTheFirstDamage() throws {
        let writer = try SummaryWriter(runDirectory: directory.path)
        for step in 0..<3 { try writer.scalar("x", Float(step), step: Int64(step), wallTime: 10) }
        try writer.close()
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: writer.filePath)))
        bytes[bytes.count - 1] ^= 0x01  // the last record's payload checksum
        #expect(writeFile(bytes, to: writer.filePath))
        let started = Date()
        let result = eventdump(
            "records",
            writer.filePath,
            "--follow",
            "--strict",
            "--format",
            "csv",
            "--interval",
            "0.05",
            "--follow-timeout",
            "30"
        )
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(result.status == 1)
        #expect(
            result.errors.hasSuffix(
                "3 good, 1 corrupt, 0 truncated\nError: stopped at the first damaged record (--strict)\n"
            )
        )
    }

    @Test func aRestartThatDropsPrintedPointsIsNotedOnceAndEveryPointIsPrinted() throws {
        try writeRestartedRun(
            directory.path + "/run",
            tag: "loss",
            first: [4, 3, 2, 1],
            resumeStep: 2,
            second: [5, 6]
        )
        let result = follow("scalars", directory.path, "--follow", "--format", "csv")
        #expect(
            result.output == """
                run,tag,step,wall_time,value
                run,loss,0,1000.0,4.0
                run,loss,1,1001.0,3.0
                run,loss,2,1002.0,2.0
                run,loss,3,1003.0,1.0
                run,loss,2,2002.0,5.0
                run,loss,3,2003.0,6.0

                """
        )
        #expect(
            result.errors
                == "note: run run: TensorBoard drops the points of loss printed above at step 2 and later (a restart, or a step going back); --follow prints every point as read, like --keep-all (noted once per run)\n"
        )
        #expect(result.status == 0)
        let all = follow("scalars", directory.path, "--follow", "--format", "csv", "--keep-all")
        #expect(all.output == result.output && all.errors.isEmpty)
    }
}
