import TestSupport
import Testing

@testable import TensorBoardEvents

#if canImport(Glibc)
import Glibc
#endif

/// The reader refuses, without blocking, paths that are not regular files: opening a FIFO for reading would
/// otherwise wait for a writer for ever, and a device may never end.
@Suite struct SpecialFileTests {
    let directory = TemporaryDirectory()

    @Test func aFIFOIsRefusedAtOnceWithoutWaitingForAWriter() throws {
        let path = directory.path + "/events.out.tfevents.1.fifo"
        try #require(mkfifo(path, 0o644) == 0)
        #expect(throws: EventFileError(.notRegularFile(.fifo), path: path)) {
            _ = try EventFileReader(path: path)
        }
        #expect(
            EventFileError(.notRegularFile(.fifo), path: path).description
                == "\(path): not read: it is a FIFO (named pipe), not a regular file"
        )
    }

    @Test(arguments: [
        ("/dev/null", EventFileError.FileType.characterDevice),
        ("/dev/zero", .characterDevice),
    ])
    func aDeviceIsRefused(_ path: String, _ type: EventFileError.FileType) {
        #expect(throws: EventFileError(.notRegularFile(type), path: path)) { _ = try EventFileReader(path: path) }
    }

    @Test func aDirectoryStillOpensAndFailsOnReadWithEISDIR() throws {
        var reader = try EventFileReader(path: directory.path)
        #expect(throws: EventFileError(.readFailed(errno: EISDIR), path: directory.path, offset: 0)) {
            _ = try reader.readEvent()
        }
    }

    @Test(arguments: ["", "events\0.out"])
    func aPathThatCanNameNoFileIsRefused(_ path: String) {
        #expect(throws: EventFileError(.invalidPath, path: path)) { _ = try EventFileReader(path: path) }
    }

    @Test func aRegularFileStillReads() throws {
        let path = directory.path + "/events.out.tfevents.1.regular"
        #expect(
            writeFile(TFRecordFrame.framed(Event(wallTime: 1, content: .fileVersion("v")).serializedBytes()), to: path)
        )
        #expect(try readAll(path).events.count == 1)
    }
}
