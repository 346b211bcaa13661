import Foundation
import TestSupport
import Testing

@testable import TensorBoardEvents

#if canImport(Glibc)
import Glibc
#endif

/// A path no writer can create, with the error its initialiser must throw at once.
struct UncreatablePath: Sendable, CustomTestStringConvertible {
    var name: String
    /// The path below the test's scratch directory (`""` stays empty).
    var relative: String
    /// The code expected.
    var code: EventFileError.Code
    /// Text the error's description must hold (the reason).
    var reason: String

    var testDescription: String { name }

    func path(in directory: String) -> String { relative.isEmpty ? "" : directory + "/" + relative }

    static let all: [UncreatablePath] = [
        .init(name: "empty", relative: "", code: .invalidPath, reason: "the path is empty"),
        .init(name: "NUL byte", relative: "run\0evil", code: .invalidPath, reason: "the path contains a NUL byte"),
        .init(
            name: "component is a regular file",
            relative: "plain-file/run",
            code: .openFailed(errno: ENOTDIR),
            reason: "Not a directory"
        ),
        .init(
            name: "longer than PATH_MAX",
            relative: Array(repeating: String(repeating: "d", count: 200), count: 25).joined(separator: "/"),
            code: .openFailed(errno: ENAMETOOLONG),
            reason: "File name too long"
        ),
        .init(
            name: "component longer than NAME_MAX",
            relative: String(repeating: "n", count: 300) + "/run",
            code: .openFailed(errno: ENAMETOOLONG),
            reason: "File name too long"
        ),
    ]
}

/// The writers refuse, with a thrown error and at once, what they cannot write or what could not be read back.
@Suite struct WriterRefusalTests {
    let directory = TemporaryDirectory()

    init() {
        #expect(writeFile([1, 2, 3], to: directory.path + "/plain-file"))
    }

    @Test(arguments: UncreatablePath.all)
    func summaryWriterThrowsFromItsInitialiser(_ example: UncreatablePath) {
        let path = example.path(in: directory.path)
        #expect(throws: EventFileError(example.code, path: path)) { try SummaryWriter(runDirectory: path) }
        do {
            _ = try SummaryWriter(runDirectory: path)
        } catch {
            #expect(error.description.contains(example.reason))
            #expect(error.description.hasPrefix(path.isEmpty ? "(empty path)" : path))
        }
        // The NUL byte did not cut the path short: nothing was created under the part before it.
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/run"))
    }

    @Test(arguments: UncreatablePath.all)
    func eventFileWriterThrowsFromItsInitialiser(_ example: UncreatablePath) {
        let path = example.path(in: directory.path)
        let expected = EventFileError(example.code, path: path)
        #expect(throws: expected) { _ = try EventFileWriter(creating: path) }
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/run"))
    }

    @Test func aRecordOverTheLimitIsRefusedAndTheFileStaysReadable() throws {
        let path = directory.path + "/limited"
        var writer = try EventFileWriter(creating: path)
        writer.maximumRecordLength = 100
        let first = Event(wallTime: 1, content: .fileVersion("brain.Event:2"))
        try writer.append(first)
        let offset = Int64(first.serializedBytes().count + TFRecordFrame.overhead)
        let long = Event(wallTime: 2, step: 1, content: .fileVersion(String(repeating: "x", count: 200)))
        let length = UInt64(long.serializedBytes().count)
        #expect(
            throws: EventFileError(.recordTooLargeToWrite(length: length, maximum: 100), path: path, offset: offset)
        ) {
            try writer.append(long)
        }
        try writer.append(Event(wallTime: 3, step: 2, content: .fileVersion("after")))
        try writer.close()
        let outcome = try readAll(path)
        #expect(outcome.errors.isEmpty)
        #expect(outcome.pendingByteCount == 0)
        #expect(outcome.events.map(\.event.wallTime) == [1, 3])
    }

    @Test func theWritersLimitIsTheReadersDefault() throws {
        let writer = try EventFileWriter(creating: directory.path + "/default")
        #expect(writer.maximumRecordLength == EventFileReader.Options().maximumRecordLength)
        #expect(writer.maximumRecordLength == 1 << 30)
    }

    @Test(arguments: [50_000_000, Int.max])
    func aHistogramTooLargeToReadIsRefusedBeforeBucketing(_ bucketCount: Int) throws {
        let writer = try SummaryWriter(runDirectory: directory.path + "/huge-\(bucketCount)")
        try writer.scalar("before", 1.0, step: 0, wallTime: 10)
        let bytes = bucketCount.multipliedReportingOverflow(by: 24)
        let length = bytes.overflow ? UInt64.max : UInt64(bytes.partialValue)
        let expected = EventFileError(.recordTooLargeToWrite(length: length, maximum: 1 << 30), path: writer.filePath)
        #expect(throws: expected) {
            try writer.histogram("h", values: [1.0, 2.0], step: 1, bucketCount: bucketCount)
        }
        #expect(expected.description.contains("at most 1073741824 bytes"))
        try writer.scalar("after", 2.0, step: 1, wallTime: 11)
        try writer.close()
        let outcome = try readAll(writer.filePath)
        #expect(outcome.errors.isEmpty)
        #expect(outcome.events.count == 3)
    }
}
