import Foundation
import TestSupport
import Testing

@testable import EventDumpKit
@testable import TensorBoardEvents

#if canImport(Glibc)
import Glibc
#endif

/// One bad file does not hide the rest: every command reports it with its path and reason, prints every other
/// run and file, and exits with status 1.
@Suite struct UnreadableFileTests {
    let directory = TemporaryDirectory()

    /// The small log, with a dangling link and a FIFO named like event files in the validation run.
    private func writeLogWithBadEntries() throws -> (dangling: String, fifo: String) {
        try writeSmallLog(directory.path)
        let dangling = directory.path + "/exp/validation/events.out.tfevents.0.dangling"
        let fifo = directory.path + "/exp/validation/events.out.tfevents.0.fifo"
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: directory.path + "/gone")
        #expect(mkfifo(fifo, 0o644) == 0)
        return (dangling, fifo)
    }

    /// A scan of the temporary directory with no options, and the context and error stream it reports to.
    private func makeScan() throws -> (LogScan, CommandContext, StringSink) {
        let errors = StringSink()
        let context = CommandContext(output: StringSink(), errors: errors)
        let arguments = try ArgumentList([], valueOptions: CommonOptions.valueOptions, flagOptions: [])
        let options = try CommonOptions(arguments, defaultFormat: .csv)
        return (LogScan(logdir: directory.path, options: options, context: context), context, errors)
    }

    static let commands: [[String]] = [
        ["ls"], ["scalars"], ["scalars", "--format", "csv"], ["scalars", "--wide"], ["summary"],
        ["summary", "--format", "json"], ["compare"], ["hist"], ["text"], ["hparams"], ["plot", "--tag", "loss"],
    ]

    @Test(arguments: commands)
    func everyCommandReportsTheBadEntriesAndPrintsEveryRun(command: [String]) throws {
        let bad = try writeLogWithBadEntries()
        let result = eventdump([command[0], directory.path] + command.dropFirst())
        #expect(result.status == 1)
        #expect(result.errors.contains(bad.dangling + ": cannot read event file: No such file or directory"))
        #expect(result.errors.contains(bad.fifo + ": not a regular file, not read"))
        // Both runs' data are still there (hist, text and hparams have data in the train run only; compare names
        // the pair, plot draws one series per run).
        switch command[0] {
        case "hist", "text", "hparams": #expect(result.output.contains("exp/train"))
        case "compare": #expect(result.output.contains("exp") && result.output.contains("0.0078125"))
        case "plot": #expect(result.output.contains("exp/train") && result.output.contains("exp/validation"))
        default: #expect(result.output.contains("exp/train") && result.output.contains("exp/validation"))
        }
    }

    @Test func theLibraryReportsTheBadEntriesAndReadsEveryRun() throws {
        let bad = try writeLogWithBadEntries()
        let contents = try Logdir.read(directory.path)
        #expect(contents.runs.map(\.name) == ["exp/train", "exp/validation"])
        #expect(contents.runs.allSatisfy { $0.scalars("epoch_loss").count == 8 })
        #expect(contents.discoveryProblems.map(\.path).sorted() == [bad.dangling, bad.fifo])
    }

    @Test func aFileThatCannotBeOpenedIsReportedAndTheRunsOtherFilesAreRead() throws {
        try writeSmallLog(directory.path)
        let good = try eventFiles(in: directory.path + "/exp/train")
        let missing = directory.path + "/exp/train/events.out.tfevents.0.removed"
        let run = Run(name: "exp/train", directory: directory.path + "/exp/train", files: [missing] + good)
        let (scan, context, errors) = try makeScan()
        var records = 0
        try scan.forEachRecord(of: run) { _, _ in records += 1 }
        #expect(records > 8)
        #expect(context.foundDamage)
        #expect(errors.text == "warning: \(missing): cannot open: No such file or directory (errno 2)\n")
    }

    @Test func aFileWhoseReadsFailIsReportedAndTheRunsOtherFilesAreRead() throws {
        try writeSmallLog(directory.path)
        let good = try eventFiles(in: directory.path + "/exp/train")
        // A directory opens for reading, but every read of it fails (EISDIR), as an I/O error would.
        let failing = directory.path + "/exp"
        let run = Run(name: "exp/train", directory: directory.path + "/exp/train", files: [failing] + good)
        let (scan, _, errors) = try makeScan()
        var points: [Double] = []
        try scan.forEachPoint(of: run, kinds: [.scalar]) { point in points.append(point.value.scalar ?? .nan) }
        #expect(points == [1.0, 0.5, 0.25, 0.125, 0.0625, 0.03125, 0.015625, 0.0078125])
        #expect(errors.text == "warning: \(failing): offset 0: read failed: Is a directory (errno 21)\n")
    }

    @Test func recordsListsWhatItReadBeforeAFailingRead() throws {
        // A directory opens for reading but every read of it fails (EISDIR): nothing is read, the row says why.
        let result = eventdump("records", directory.path, "--format", "csv")
        #expect(result.status == 1)
        #expect(result.output.contains(",unreadable,"))
        #expect(result.errors.contains("read failed: Is a directory"))
    }

    @Test func aDirectoryReachedByManyPathsIsReadOnce() throws {
        // Twelve levels, each holding two links to the next: 4096 paths lead to the last level.
        let levels = 12
        for level in 0...levels {
            try FileManager.default.createDirectory(
                atPath: directory.path + "/l\(level)",
                withIntermediateDirectories: true
            )
        }
        for level in 0..<levels {
            for link in ["a", "b"] {
                try FileManager.default.createSymbolicLink(
                    atPath: directory.path + "/l\(level)/\(link)",
                    withDestinationPath: directory.path + "/l\(level + 1)"
                )
            }
        }
        let writer = try SummaryWriter(runDirectory: directory.path + "/l\(levels)")
        try writer.scalar("loss", Float(1), step: 0, wallTime: 1)
        try writer.close()
        let (runs, problems) = try Logdir.discoverRuns(in: directory.path + "/l0")
        #expect(runs.map(\.name) == [Array(repeating: "a", count: levels).joined(separator: "/")])
        #expect(problems.count == levels)
        #expect(problems.allSatisfy { !$0.isDamage && $0.path.hasSuffix("/b") })
        let listed = eventdump("ls", directory.path + "/l0")
        #expect(listed.status == 0)
        #expect(listed.errors.contains("note: ") && !listed.errors.contains("warning: "))
    }
}
