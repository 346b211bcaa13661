import Foundation
import TestSupport
import Testing

@testable import TensorBoardEvents

/// Reads every complete record of `path`, collecting events and errors, until no more are available.
struct ReadOutcome: Equatable {
    var events: [EventRecord] = []
    var errors: [EventFileError] = []
    var pendingByteCount = 0
}

func readAll(_ path: String, options: EventFileReader.Options = .init()) throws -> ReadOutcome {
    var reader = try EventFileReader(path: path, options: options)
    var outcome = ReadOutcome()
    while true {
        do {
            guard let record = try reader.readEvent() else { break }
            outcome.events.append(record)
        } catch {
            outcome.errors.append(error)
        }
    }
    outcome.pendingByteCount = reader.pendingByteCount
    return outcome
}

private func write(_ bytes: [UInt8], to path: String) {
    #expect(writeFile(bytes, to: path))
}

private func append(_ bytes: [UInt8], to path: String) throws {
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(bytes))
    try handle.close()
}

/// Four known records end to end: offsets 0, 40, 104, 146; 186 bytes.
let fourRecords = fileVersionRecord + modernScalarRecord + legacyScalarRecord + rustboardRecord
let fourRecordOffsets: [Int64] = [0, 40, 104, 146]

@Suite struct EventFileReaderTests {
    let directory = TemporaryDirectory()

    @Test func readsReferenceRecordsWithTheirOffsets() throws {
        let path = directory.path + "/events.out.tfevents.1"
        write(fourRecords, to: path)
        let outcome = try readAll(path)
        #expect(outcome.errors.isEmpty)
        #expect(outcome.events.map(\.offset) == fourRecordOffsets)
        #expect(outcome.events[0].event == Event(wallTime: 1_700_000_000, content: .fileVersion("brain.Event:2")))
        #expect(outcome.events[1].event.step == 2)
        #expect(outcome.events[2].event.summary?.values.first?.kind == .simpleValue(0.5))
        #expect(outcome.events[3].event.wallTime == 1_599_759_586)
        #expect(outcome.pendingByteCount == 0)
    }

    @Test(arguments: [64, 65, 100, 4096])
    func readsTheSameRecordsWithAnyChunkSize(chunkSize: Int) throws {
        let path = directory.path + "/events.out.tfevents.chunks\(chunkSize)"
        write(Array(repeating: fourRecords, count: 50).flatMap { $0 }, to: path)
        let outcome = try readAll(path, options: .init(chunkSize: chunkSize))
        #expect(outcome.errors.isEmpty)
        #expect(outcome.events.count == 200)
        #expect(outcome.events.last?.offset == Int64(49 * 186 + 146))
    }

    @Test func readsRecordsLargerThanTheBuffer() throws {
        let path = directory.path + "/events.out.tfevents.large"
        let big = Event(wallTime: 1, content: .graphDef([UInt8](repeating: 0x5A, count: 100_000)))
        write(TFRecordFrame.framed(big.serializedBytes()) + fileVersionRecord, to: path)
        let outcome = try readAll(path, options: .init(chunkSize: 64))
        #expect(outcome.errors.isEmpty)
        #expect(
            outcome.events.map(\.event) == [
                big, Event(wallTime: 1_700_000_000, content: .fileVersion("brain.Event:2")),
            ]
        )
    }

    @Test func emptyFileHasNoRecordsAndNoErrors() throws {
        let path = directory.path + "/events.out.tfevents.empty"
        write([], to: path)
        #expect(try readAll(path) == ReadOutcome())
    }

    @Test func missingFileIsAnOpenError() {
        let path = directory.path + "/nope"
        #expect(throws: EventFileError(.openFailed(errno: ENOENT), path: path)) {
            _ = try EventFileReader(path: path)
        }
    }

    @Test func truncatedAtEveryOffsetKeepsEveryCompleteRecordAndNoError() throws {
        let path = directory.path + "/events.out.tfevents.cut"
        for cut in 0...fourRecords.count {
            write(Array(fourRecords[..<cut]), to: path)
            let outcome = try readAll(path)
            let complete = fourRecordOffsets.enumerated().filter { index, _ in
                let end = index + 1 < fourRecordOffsets.count ? fourRecordOffsets[index + 1] : Int64(fourRecords.count)
                return end <= cut
            }
            #expect(outcome.errors.isEmpty, "cut at \(cut)")
            #expect(outcome.events.map(\.offset) == complete.map(\.element), "cut at \(cut)")
            let consumed =
                complete.last.map { index, _ in
                    index + 1 < fourRecordOffsets.count ? Int(fourRecordOffsets[index + 1]) : fourRecords.count
                } ?? 0
            #expect(outcome.pendingByteCount == cut - consumed, "cut at \(cut)")
        }
    }

    @Test func resumesAPartialRecordWhenTheFileGrows() throws {
        let path = directory.path + "/events.out.tfevents.grow"
        write([], to: path)
        var reader = try EventFileReader(path: path)
        var offsets: [Int64] = []
        // Drip-feed the file in pieces of 7 bytes, reading after each.
        for start in stride(from: 0, to: fourRecords.count, by: 7) {
            try append(Array(fourRecords[start..<min(start + 7, fourRecords.count)]), to: path)
            while let record = try reader.readEvent() { offsets.append(record.offset) }
        }
        #expect(offsets == fourRecordOffsets)
        #expect(reader.pendingByteCount == 0)
    }

    @Test func flippedBitAnywhereIsReportedWithItsOffsetAndTheRestIsRead() throws {
        let path = directory.path + "/events.out.tfevents.flip"
        for byte in 0..<fourRecords.count {
            for bit in [0, 7] {
                var damaged = fourRecords
                damaged[byte] ^= UInt8(1 << bit)
                write(damaged, to: path)
                let outcome = try readAll(path)
                let hit = fourRecordOffsets.lastIndex { $0 <= Int64(byte) }!
                var expectedOffsets = fourRecordOffsets
                expectedOffsets.remove(at: hit)
                #expect(outcome.events.map(\.offset) == expectedOffsets, "byte \(byte) bit \(bit)")
                #expect(outcome.errors.count == 1, "byte \(byte) bit \(bit)")
                let error = try #require(outcome.errors.first)
                #expect(error.offset == fourRecordOffsets[hit])
                #expect(error.isCorruption)
                // The reader moves on to the next record (a damaged payload is skipped whole, a damaged length is
                // scanned past), or to the end of the file.
                let next = hit + 1 < fourRecordOffsets.count ? fourRecordOffsets[hit + 1] : Int64(fourRecords.count)
                #expect(error.skippedBytes == next - fourRecordOffsets[hit], "byte \(byte) bit \(bit)")
                #expect(outcome.pendingByteCount == 0)
            }
        }
    }

    @Test func garbageBetweenRecordsIsSkippedAndCounted() throws {
        let path = directory.path + "/events.out.tfevents.garbage"
        let garbage = [UInt8](repeating: 0, count: 100) + Array("not a record at all".utf8)
        write(fileVersionRecord + garbage + modernScalarRecord, to: path)
        let outcome = try readAll(path, options: .init(chunkSize: 64))
        #expect(outcome.events.map(\.offset) == [0, Int64(40 + garbage.count)])
        #expect(
            outcome.errors == [
                EventFileError(
                    .lengthChecksumMismatch(got: 0x0798_0329, want: 0),
                    path: path,
                    offset: 40,
                    skippedBytes: Int64(garbage.count)
                )
            ]
        )
    }

    @Test func hugeLengthFieldIsCorruptionNotAnAllocation() throws {
        let path = directory.path + "/events.out.tfevents.huge"
        var header = [UInt8](repeating: 0xFF, count: 8) + [0, 0, 0, 0]
        let crc = header.withUnsafeBytes { MaskedCRC.checksum(UnsafeRawBufferPointer(rebasing: $0[0..<8])) }
        withUnsafeBytes(of: crc.littleEndian) { header.replaceSubrange(8..<12, with: $0) }
        write(fileVersionRecord + header + modernScalarRecord, to: path)
        let outcome = try readAll(path)
        #expect(outcome.events.map(\.offset) == [0, 52])
        #expect(outcome.errors.map(\.code) == [.recordTooLarge(length: UInt64.max, maximum: 1 << 30)])
        #expect(outcome.errors.first?.skippedBytes == 12)
    }

    @Test func plausibleLengthLargerThanTheFileWaitsWithoutAllocating() throws {
        let path = directory.path + "/events.out.tfevents.claims"
        // A valid header claiming 512 MiB, followed by nothing: a truncated tail, not an error.
        write(fileVersionRecord + validHeader(length: 512 << 20), to: path)
        let outcome = try readAll(path, options: .init(chunkSize: 64))
        #expect(outcome.events.count == 1)
        #expect(outcome.errors.isEmpty)
        #expect(outcome.pendingByteCount == 12)
    }

    @Test func validRecordThatIsNotAnEventIsReportedAndSkipped() throws {
        let path = directory.path + "/events.out.tfevents.notevent"
        let notAnEvent = TFRecordFrame.framed([0x0F, 0x01])
        write(fileVersionRecord + notAnEvent + modernScalarRecord, to: path)
        let outcome = try readAll(path)
        #expect(outcome.events.map(\.offset) == [0, 58])
        #expect(
            outcome.errors == [
                EventFileError(.invalidEvent(.invalidFieldKey(15, offset: 0)), path: path, offset: 40)
            ]
        )
        #expect(
            outcome.errors.first?.description
                == "\(path): offset 40: record is not a valid Event: invalid field key 15 (field 1, wire type 7) at offset 0"
        )
    }

    @Test func fileOfZerosIsOneCorruptionUpToItsTail() throws {
        let path = directory.path + "/events.out.tfevents.zeros"
        write([UInt8](repeating: 0, count: 1000), to: path)
        let outcome = try readAll(path, options: .init(chunkSize: 128))
        #expect(outcome.events.isEmpty)
        #expect(outcome.errors.count == 1)
        // Everything was scanned and skipped; nothing is left pending (it was reported as damage).
        #expect(outcome.errors.first?.skippedBytes == 1000)
        #expect(outcome.pendingByteCount == 0)
    }
}
