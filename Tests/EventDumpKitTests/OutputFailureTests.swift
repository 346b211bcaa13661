import Foundation
import TestSupport
import Testing

@testable import EventDumpKit
@testable import TensorBoardEvents

#if canImport(Glibc)
import Glibc
#endif

// Standard output that cannot be written: a full disk is an error (exit 1), a closed pipe ends the output
// quietly; either way reading stops.

@Suite struct OutputFailureTests {
    let directory = TemporaryDirectory()

    /// A log of `count` scalars whose file ends in a truncated record, so that a reader that reaches the end
    /// reports damage: a quiet exit 0 then shows that reading stopped early.
    private func writeLogEndingInDamage(count: Int) throws -> String {
        let writer = try SummaryWriter(runDirectory: directory.path + "/run")
        for step in 0..<count { try writer.scalar("loss", Float(step), step: Int64(step), wallTime: 1) }
        try writer.close()
        let handle = try #require(FileHandle(forWritingAtPath: writer.filePath))
        handle.seekToEndOfFile()
        handle.write(Data([1, 2, 3]))
        try handle.close()
        return directory.path
    }

    @Test(arguments: [["scalars", "--format", "csv"], ["scalars", "--format", "jsonl"], ["ls", "--format", "csv"]])
    func aFullDiskIsAnErrorNamingStandardOutput(command: [String]) throws {
        let logdir = try writeLogEndingInDamage(count: 10)
        let output = FailingSink(failingWith: ENOSPC)
        let errors = StringSink()
        let status = EventDump.run([command[0], logdir] + command.dropFirst(), output: output, errors: errors)
        #expect(status == 1)
        #expect(errors.text == "Error: cannot write to standard output: No space left on device (errno 28)\n")
    }

    @Test(arguments: [
        ["scalars", "--format", "csv"], ["scalars", "--format", "text"],
        ["scalars", "--format", "jsonl", "--keep-all"],
        ["records", "--format", "csv"], ["scalars", "--follow", "--follow-timeout", "30"],
    ])
    func aClosedPipeStopsReadingAndEndsQuietly(command: [String]) throws {
        let logdir = try writeLogEndingInDamage(count: 20_000)
        let path = command[0] == "records" ? try #require(eventFiles(in: logdir + "/run").first) : logdir
        let arguments = [command[0], path] + command.dropFirst()
        let errors = StringSink()
        let started = Date()
        let status = EventDump.run(arguments, output: FailingSink(failingWith: EPIPE, after: 100), errors: errors)
        #expect(status == 0)
        #expect(errors.text.isEmpty)  // the truncated tail at the end was never reached
        guard !command.contains("--follow") else {
            // --follow ends too (a partly written last record is no damage there: it waits for the rest).
            #expect(Date().timeIntervalSince(started) < 10)
            return
        }
        let whole = eventdump(arguments)
        #expect(whole.status == 1 && whole.errors.contains("truncated record"))  // as it is when read to the end
    }

    /// Reading runs ahead of a slow output (a thread reads while the calling one writes): the damage it meets
    /// is reported after the rows before it are written, so not at all once the output has gone.
    @Test(arguments: [["--format", "csv"], ["--format", "tsv", "--keep-all"], ["--format", "csv", "--strict"]])
    func damageReadBeforeASlowOutputClosedIsNotReported(options: [String]) throws {
        let logdir = try writeLogEndingInDamage(count: 2_000)
        let errors = StringSink()
        let output = FailingSink(failingWith: EPIPE, after: 100, firstWriteDelay: 0.3)
        let status = EventDump.run(["scalars", logdir] + options, output: output, errors: errors)
        #expect(status == 0)
        #expect(errors.text.isEmpty)
        #expect(output.text.utf8.count == 100)

        let whole = StringSink()
        let wholeErrors = StringSink()
        let wholeStatus = EventDump.run(["scalars", logdir] + options, output: whole, errors: wholeErrors)
        #expect(wholeStatus == 1)
        #expect(wholeErrors.text.hasPrefix("warning: ") && wholeErrors.text.contains("truncated record"))
        #expect(whole.text.split(separator: "\n").count == 2_001)  // the header and every row, then the warning
    }
}

@Suite struct BinaryOutputFailureTests {
    let directory = TemporaryDirectory()

    @Test func theBuiltBinaryReportsAFullDiskAndEndsQuietlyOnAClosedPipe() throws {
        let binary = try #require(eventdumpBinary(), "eventdump is not built; run `swift build` first")
        let writer = try SummaryWriter(runDirectory: directory.path + "/run")
        for step in 0..<100_000 { try writer.scalar("loss", Float(step), step: Int64(step), wallTime: 1) }
        try writer.close()
        let arguments = ["scalars", directory.path, "--format", "csv"]

        let full = Process()
        full.executableURL = URL(fileURLWithPath: binary)
        full.arguments = arguments
        full.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        let fullErrors = Pipe()
        full.standardError = fullErrors
        try full.run()
        let fullMessage = String(decoding: fullErrors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        full.waitUntilExit()
        #expect(full.terminationStatus == 1)
        #expect(fullMessage == "Error: cannot write to standard output: No space left on device (errno 28)\n")

        // `eventdump ... | head -c 1000`: the reader goes away after a little; eventdump ends, quietly, with 0.
        let closed = Process()
        closed.executableURL = URL(fileURLWithPath: binary)
        closed.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        closed.standardOutput = output
        closed.standardError = errors
        try closed.run()
        let head = try output.fileHandleForReading.read(upToCount: 1000) ?? Data()
        try output.fileHandleForReading.close()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        closed.waitUntilExit()
        #expect(String(decoding: head, as: UTF8.self).hasPrefix("run,tag,step,wall_time,value\nrun,loss,0,1.0,0.0\n"))
        #expect(closed.terminationReason == .exit && closed.terminationStatus == 0)
        #expect(message.isEmpty)
    }
}
