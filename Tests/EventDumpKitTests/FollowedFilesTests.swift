import Foundation
import TestSupport
import Testing

@testable import EventDumpKit
@testable import TensorBoardEvents

/// The files `--follow` keeps between polls: open only while they grow, at most 64, resumed where they stood.
@Suite struct FollowedFilesTests {
    let directory = TemporaryDirectory()
    let context = CommandContext(output: StringSink(), errors: StringSink())

    /// Three records: file_version and two scalars.
    private func records() throws -> [UInt8] {
        let writer = try SummaryWriter(runDirectory: directory.path + "/scratch")
        for step in 0..<2 { try writer.scalar("x", Float(step), step: Int64(step), wallTime: 10) }
        try writer.close()
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: writer.filePath)))
        try FileManager.default.removeItem(atPath: directory.path + "/scratch")
        return bytes
    }

    /// The offsets of the records `file` holds now, read to the end.
    private func readOffsets(_ file: FollowedFile) throws -> [Int64] {
        var offsets: [Int64] = []
        while let offset = try file.readRecord({ offset, _ in offset }) { offsets.append(offset) }
        return offsets
    }

    @Test func aFileWithNothingNewIsClosedAndReadOnFromItsPartRecordWhenItGrows() throws {
        let bytes = try records()
        let frames = recordFrames(bytes)
        try #require(frames.count == 3)
        let path = directory.path + "/events.out.tfevents.1.host"
        try #require(writeFile(bytes.dropLast(3), to: path))  // the last record cut 3 bytes short
        let files = FollowedFiles()
        var problems = FollowProblems()

        let file = try #require(files.prepare(path, context: context, problems: &problems))
        #expect(try readOffsets(file) == frames.dropLast().map { Int64($0.offset) })
        files.finishRead(file, failed: false)
        #expect(file.isOpen)
        files.endPoll()

        // Nothing new: not read, and closed, with the part record still known.
        #expect(files.prepare(path, context: context, problems: &problems) == nil)
        #expect(!file.isOpen)
        #expect(file.pendingByteCount == bytes.count - 3 - frames[2].offset)
        files.endPoll()

        // Grown: opened again, and the part record, now whole, is read from its start, once.
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(bytes.suffix(3)))
        try handle.close()
        #expect(files.prepare(path, context: context, problems: &problems) === file)
        #expect(try readOffsets(file) == [Int64(frames[2].offset)])
        files.finishRead(file, failed: false)
        #expect(file.pendingByteCount == 0)
        #expect(context.errors.writeError == nil && !context.foundDamage)
    }

    @Test func atMostSixtyFourFilesAreOpenAndTheOnesTheWalkNoLongerListsAreClosed() throws {
        let bytes = try records()
        let paths = (0..<70).map { directory.path + "/events.out.tfevents.\($0).host" }
        for path in paths { try #require(writeFile(bytes, to: path)) }
        let files = FollowedFiles()
        var problems = FollowProblems()
        var followed: [FollowedFile] = []
        for path in paths {
            let file = try #require(files.prepare(path, context: context, problems: &problems))
            #expect(try readOffsets(file).count == 3)
            files.finishRead(file, failed: false)
            followed.append(file)
        }
        #expect(followed.filter(\.isOpen).count == FollowedFiles.maximumOpen)
        #expect(followed.suffix(FollowedFiles.maximumOpen).allSatisfy { $0.isOpen })  // the ones read last
        files.endPoll()
        #expect(followed.filter(\.isOpen).count == FollowedFiles.maximumOpen)  // all still listed
        files.endPoll()  // a poll that lists none of them
        #expect(followed.allSatisfy { !$0.isOpen })
    }
}
