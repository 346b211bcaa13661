import Foundation
import TestSupport
import Testing

@testable import EventDumpKit

#if canImport(Glibc)
import Glibc
#endif

/// FIFOs and devices given as a path are refused with one line, without waiting for a writer.
///
/// Each test holds the FIFO open for writing itself (`O_RDWR`), so that even a reader that did open it would
/// not wait: a FIFO cannot be read with `pread` (`ESPIPE`). The tests are bounded either way.
@Suite struct SpecialFileCommandTests {
    let directory = TemporaryDirectory()

    /// Makes a FIFO at `path` and opens it for reading and writing, which never blocks.
    private func heldFIFO(_ path: String) throws -> Int32 {
        try #require(mkfifo(path, 0o644) == 0)
        let descriptor = open(path, O_RDWR | O_NONBLOCK)
        try #require(descriptor >= 0)
        return descriptor
    }

    @Test(arguments: ["records", "scalars", "ls", "summary", "hist", "text", "hparams"])
    func aFIFOGivenAsTheFileIsRefusedInOneLine(_ command: String) throws {
        let path = directory.path + "/events.out.tfevents.1.\(command)"
        let descriptor = try heldFIFO(path)
        defer { close(descriptor) }
        let result = eventdump(command, path)
        #expect(result.status == 1)
        #expect(result.errors.split(separator: "\n").count == 1, "\(result.errors)")
        #expect(result.errors.hasPrefix("Error: \(path): "))
        #expect(result.output.isEmpty)
    }

    @Test func recordsSaysTheFileIsAFIFO() throws {
        let path = directory.path + "/events.out.tfevents.1.pipe"
        let descriptor = try heldFIFO(path)
        defer { close(descriptor) }
        #expect(
            eventdump("records", path).errors
                == "Error: \(path): not read: it is a FIFO (named pipe), not a regular file\n"
        )
    }

    @Test(arguments: ["/dev/null", "/dev/zero"])
    func recordsRefusesACharacterDevice(_ path: String) {
        let result = eventdump("records", path)
        #expect(result.status == 1)
        #expect(result.errors == "Error: \(path): not read: it is a character device, not a regular file\n")
    }

    @Test func aFIFOInALogDirectoryIsNeverOpenedAndTheOtherRunsPrint() throws {
        try writeSmallLog(directory.path + "/logs")
        try FileManager.default.createDirectory(
            atPath: directory.path + "/logs/piped",
            withIntermediateDirectories: true
        )
        let path = directory.path + "/logs/piped/events.out.tfevents.1.fifo"
        let descriptor = try heldFIFO(path)
        defer { close(descriptor) }
        let result = eventdump("scalars", directory.path + "/logs", "--format", "csv")
        #expect(result.output.contains("exp/train,epoch_loss,7,"))
        #expect(result.output.contains("exp/validation,epoch_loss,7,"))
        #expect(!result.output.contains("piped"))
        // Reported by the walk, which never opens it.
        #expect(result.status == 1)
        #expect(result.errors.contains("\(path): not a regular file, not read"))
    }
}
