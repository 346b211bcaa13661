import Foundation
import TensorBoardObjectStorage
import TestSupport
import Testing

@testable import EventDumpKit
@testable import TensorBoardEvents

/// Long work on a large damaged file shows its progress on a terminal, and only there.
@Suite struct ReadProgressTests {
    let directory = TemporaryDirectory()

    /// A log whose only file is 4 MB of zeros after one good record: the reader scans all of it for a header.
    private func writeZeroFilledLog() throws -> String {
        try writeSmallLog(directory.path)
        let file = try eventFiles(in: directory.path + "/exp/train")[0]
        let handle = try #require(FileHandle(forWritingAtPath: file))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(count: 4_000_000))
        try handle.close()
        return file
    }

    @Test(arguments: [["scalars"], ["records"]])
    func aLongReadPrintsItsProgressOnATerminal(command: [String]) throws {
        let file = try writeZeroFilledLog()
        guard let binary = eventdumpBinary() else { return }
        let target = command[0] == "records" ? file : directory.path
        // `script` runs the command on a pseudo-terminal, as a person at a terminal would; looks every 10 ms.
        let (_, output) = try runCapturingOutput(
            "/usr/bin/script",
            ["-qec", "'\(binary)' \(command[0]) '\(target)' --format csv", "/dev/null"],
            environment: ["EVENTDUMP_PROGRESS_INTERVAL": "0.01", "PATH": "/usr/bin:/bin"]
        )
        #expect(output.contains("note: reading \(file): "))
        #expect(output.contains(" of 4 MB ("))
    }

    @Test func noProgressWhenStandardErrorIsNotATerminal() throws {
        _ = try writeZeroFilledLog()
        guard let binary = eventdumpBinary() else { return }
        let result = try runBinary(binary, ["scalars", directory.path, "--format", "csv"])
        #expect(result.status == 1)
        #expect(!result.errors.contains("note: reading"))
        #expect(result.output.contains("exp/train,epoch_loss,7,"))
    }

    @Test(arguments: [
        (0, "0 B"), (999, "999 B"), (1000, "1 kB"), (1500, "1.5 kB"), (120_400_000, "120 MB"),
        (5_300_000_000, "5.3 GB"),
    ])
    func sizesReadAsLsShowsThem(count: Int64, text: String) {
        #expect(ReadProgress.bytes(count) == text)
    }

    /// With progress shown, a reader of a local file still tells which file it has open (so `--follow` can see
    /// a file replaced under its path), and a reader of an object has none to tell; both read every record.
    @Test func aReaderReportingProgressKnowsItsOpenFileOnlyForALocalFile() throws {
        try writeSmallLog(directory.path)
        let file = try eventFiles(in: directory.path + "/exp/train")[0]
        let store = MemoryObjectStore(buckets: ["logs"])
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
        try store.writeObject(S3Location(bucket: "logs", key: "run/events.out.tfevents.1"), bytes: bytes)
        let progress = ReadProgress(write: { _ in })
        defer { progress.stop() }
        var local = try EventFileReader.opened(file, progress: progress)
        #expect(local.openFileStatus() != nil)
        try ObjectStoragePath.$storeOverride.withValue(store) {
            var remote = try EventFileReader.opened("s3://logs/run/events.out.tfevents.1", progress: progress)
            #expect(remote.openFileStatus() == nil)
            var localCount = 0
            var remoteCount = 0
            while try local.readRecord({ _, _ in localCount += 1 }) != nil {}
            while try remote.readRecord({ _, _ in remoteCount += 1 }) != nil {}
            #expect(localCount > 1 && remoteCount == localCount)
        }
    }
}
