import Foundation
import TestSupport
import Testing

@testable import EventDumpKit
@testable import TensorBoardEvents

/// What a user does to a followed file between two polls.
enum FileChange: String, CaseIterable, CustomTestStringConvertible {
    /// `mv new old`, as rsync does: another inode under the same name.
    case replacedByRename
    /// Truncated and rewritten in place: the same inode, now shorter than what was read.
    case truncatedAndRewritten

    var testDescription: String { rawValue }
}

/// `--follow` when files are replaced, truncated, very many, or its output's reader goes away.
@Suite struct FollowFileChangesTests {
    let directory = TemporaryDirectory()

    /// An event file: file_version, then a scalar `x` of value `step` at each step, wall time 1000 + step.
    private func eventFile(steps: ClosedRange<Int>) -> [UInt8] {
        var bytes = TFRecordFrame.framed(
            Event(wallTime: 1000, content: .fileVersion("brain.Event:2")).serializedBytes()
        )
        for step in steps {
            let value = Summary.Value(tag: "x", kind: .simpleValue(Float(step)))
            let event = Event(
                wallTime: 1000 + Double(step),
                step: Int64(step),
                content: .summary(Summary(values: [value]))
            )
            bytes += TFRecordFrame.framed(event.serializedBytes())
        }
        return bytes
    }

    /// The CSV rows `eventdump scalars` prints for ``eventFile(steps:)`` in run `run`.
    private func scalarRows(_ steps: ClosedRange<Int>) -> String {
        steps.map { "run,x,\($0),\(number(1000 + Double($0))),\(number(Double($0)))\n" }.joined()
    }

    /// The CSV rows (after the header) `eventdump records` prints for `bytes`.
    private func recordRows(_ bytes: [UInt8]) -> String {
        let file = directory.path + "/listing.tfevents"
        writeFile(bytes, to: file)
        defer { try? FileManager.default.removeItem(atPath: file) }
        return eventdump("records", file, "--format", "csv").output.split(separator: "\n").dropFirst().map {
            $0 + "\n"
        }.joined()
    }

    private func inode(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.systemFileNumber] as? Int
    }

    @Test(arguments: FileChange.allCases, ["scalars", "records"])
    func aReplacedOrTruncatedFileIsReadAgainFromItsStartWithOneNote(change: FileChange, command: String) throws {
        let run = directory.path + "/run"
        try FileManager.default.createDirectory(atPath: run, withIntermediateDirectories: true)
        let file = run + "/events.out.tfevents.1.host"
        // The new content is shorter than the old, so a truncated rewrite is never longer than what was read.
        let (old, new) = (eventFile(steps: 0...3), eventFile(steps: 4...4))
        try #require(writeFile(old, to: file) && new.count < old.count)
        let staging = directory.path + "/staging"  // outside the log directory
        try #require(writeFile(new, to: staging))
        let inodeBefore = try #require(inode(file))

        let expected =
            command == "scalars"
            ? "run,tag,step,wall_time,value\n" + scalarRows(0...3) + scalarRows(4...4)
            : "offset,length,status,wall_time,step,content\n" + recordRows(old) + recordRows(new)
        let lastOld =
            command == "scalars" ? scalarRows(3...3) : String(recordRows(old).split(separator: "\n").last ?? "")
        // The output closes once the new content's last row is in: the following ends there, not at the timeout.
        let output = ObservedSink(closingAfter: expected)
        let errors = StringSink()
        let writer = Thread {
            guard output.waitUntil(contains: lastOld, seconds: 30) else { return }
            switch change {
            case .replacedByRename:
                rename(staging, file)
            case .truncatedAndRewritten:
                guard let handle = FileHandle(forWritingAtPath: file) else { return }
                try? handle.truncate(atOffset: 0)
                try? handle.write(contentsOf: Data(new))
                try? handle.close()
            }
        }
        writer.start()
        let target = command == "scalars" ? directory.path : file
        let status = EventDump.run(
            [command, target, "--follow", "--format", "csv", "--interval", "0.05", "--follow-timeout", "30"],
            output: output,
            errors: errors
        )
        #expect(output.text == expected)
        let what =
            change == .replacedByRename
            ? "replaced by another file of the same name"
            : "truncated to \(new.count) bytes (\(old.count) had been read)"
        let shortened = errors.text.replacing(/truncated to 0 bytes/, with: "truncated to \(new.count) bytes")
        // A poll between the truncation and the rewrite sees 0 bytes: the note then says so.
        #expect(shortened == "note: \(file): \(what); reading it again from the start\n")
        #expect(status == 0)
        #expect((inode(file) == inodeBefore) == (change == .truncatedAndRewritten))
    }

    @Test func twoThousandFilesAreFollowedWithinAHundredDescriptors() throws {
        let binary = try #require(eventdumpBinary(), "eventdump is not built; run `swift build` first")
        let logdir = directory.path + "/log"
        let run = logdir + "/run"
        try FileManager.default.createDirectory(atPath: run, withIntermediateDirectories: true)
        for index in 0..<2000 {
            let name = "events.out.tfevents." + String(10000 + index) + ".host"
            try #require(writeFile(eventFile(steps: index...index), to: run + "/" + name))
        }
        // Two polls (--follow-timeout 0: one, then the last one), under a soft limit of 100 descriptors. The
        // output goes to files: a pipe could fill with warnings (one per file) and stop the child for good.
        let (outputFile, errorsFile) = (directory.path + "/stdout", directory.path + "/stderr")
        let shell = try runBinary(
            "/bin/sh",
            [
                "-c", "ulimit -n 100 && exec \"$0\" \"$@\" >'\(outputFile)' 2>'\(errorsFile)'", binary, "scalars",
                logdir,
                "--follow", "--format", "csv", "--interval", "0.05", "--follow-timeout", "0",
            ]
        )
        let result = Invocation(
            status: shell.status,
            output: try String(contentsOfFile: outputFile, encoding: .utf8),
            errors: try String(contentsOfFile: errorsFile, encoding: .utf8)
        )
        #expect(result.errors == "")
        #expect(result.output == "run,tag,step,wall_time,value\n" + scalarRows(0...1999))
        #expect(result.status == 0)
    }

    @Test(arguments: ["scalars", "records"])
    func followingEndsWhenTheOutputPipesReaderGoesAwayWhileTheLogIsIdle(command: String) throws {
        let binary = try #require(eventdumpBinary(), "eventdump is not built; run `swift build` first")
        let file = directory.path + "/events.out.tfevents.1.host"
        try #require(writeFile(eventFile(steps: 0...2), to: file))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = [
            command, file, "--follow", "--format", "csv", "--interval", "0.05", "--follow-timeout", "60",
        ]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let started = Date()
        try process.run()
        // The first poll's rows: the log is read, and stays idle from now on.
        let first = output.fileHandleForReading.availableData
        try output.fileHandleForReading.close()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(!first.isEmpty)
        #expect(process.terminationStatus == 0)
        // Ended by the closed pipe, not by the timeout: `records` would then print its counts on standard
        // error, and the 60 s would have passed.
        #expect(errorText == "")
        #expect(Date().timeIntervalSince(started) < 30)
    }
}

/// A standard output another thread can watch while a command writes to it, and which closes, as a pipe does
/// when its reader goes away, once it holds `closingAfter` (later writes fail with `EPIPE`).
final class ObservedSink: TextSink, @unchecked Sendable {
    private let state = LockedValue((text: "", closed: false))
    private let closingAfter: String

    init(closingAfter: String) {
        self.closingAfter = closingAfter
    }

    /// What was written.
    var text: String { state.withLock { $0.text } }

    var writeError: Int32? { state.withLock { $0.closed } ? EPIPE : nil }

    func write(_ text: String) {
        state.withLock { state in
            guard !state.closed else { return }
            state.text += text
            state.closed = state.text.utf8.count >= closingAfter.utf8.count && state.text.hasSuffix(closingAfter)
        }
    }

    func write(bytes: UnsafeRawBufferPointer) { write(String(decoding: bytes, as: UTF8.self)) }
    func flush() {}

    /// Waits until the text holds `part`, for at most `seconds`; whether it does.
    func waitUntil(contains part: String, seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while !text.contains(part) {
            guard Date() < deadline else { return false }
            usleep(10_000)
        }
        return true
    }
}
