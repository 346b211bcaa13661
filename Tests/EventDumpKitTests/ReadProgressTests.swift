import Foundation
import TestSupport
import Testing

@testable import EventDumpKit

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
}
