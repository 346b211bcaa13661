import Synchronization
import TestSupport
import Testing

@testable import TensorBoardEvents

/// A byte source whose bytes the test appends to while a reader reads it (a log still being written), and that
/// can be told to fail.
private final class GrowingSource: ByteSource {
    private let state = Mutex<(bytes: [UInt8], failure: Int32?)>(([], nil))

    init(_ bytes: [UInt8] = []) { state.withLock { $0.bytes = bytes } }

    func append(_ more: some Sequence<UInt8>) { state.withLock { $0.bytes.append(contentsOf: more) } }

    func fail(with errno: Int32) { state.withLock { $0.failure = errno } }

    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int64) throws(ByteSourceError) -> Int {
        let snapshot = state.withLock { $0 }
        if let failure = snapshot.failure { throw ByteSourceError(errno: failure) }
        return try MemoryByteSource(snapshot.bytes).read(into: buffer, at: offset)
    }

    func size() throws(ByteSourceError) -> Int64 { Int64(state.withLock { $0.bytes.count }) }
}

/// What one call of `readRecord` gave: a record (offset, payload), an error, or nothing yet.
private enum Step: Equatable {
    case record(Int64, [UInt8])
    case error(TFRecordError)
}

/// Reads until the reader has nothing more, collecting records and errors.
private func drain(_ reader: inout TFRecordReader) -> [Step] {
    var steps: [Step] = []
    while true {
        do {
            guard let record = try reader.readRecord({ offset, payload in (offset, [UInt8](payload)) }) else {
                return steps
            }
            steps.append(.record(record.0, record.1))
        } catch {
            steps.append(.error(error))
            if case .readFailed = error { return steps }  // the reader stays where it was: the caller decides
        }
    }
}

private func payload(_ record: [UInt8]) -> [UInt8] { Array(record[12..<(record.count - 4)]) }

private let vectors = [fileVersionRecord, rustboardRecord, modernScalarRecord, legacyScalarRecord]
private let stream = vectors.flatMap { $0 }
private let offsets: [Int64] = [0, 40, 80, 144]
private let expected: [Step] = zip(offsets, vectors).map { .record($0, payload($1)) }

@Suite struct TFRecordReaderTests {
    @Test func readsTheReferenceVectorsWithTheirOffsets() {
        var reader = TFRecordReader(source: MemoryByteSource(stream))
        #expect(drain(&reader) == expected)
        #expect(reader.offset == Int64(stream.count))
        #expect(reader.pendingByteCount == 0)
    }

    /// The same records whatever the source hands over at a time and however small the buffer: a partial
    /// record is "nothing yet", never an error, and reading goes on where it stopped.
    @Test(arguments: [1, 2, 3, 7, 11, 12, 13, 16, 40, 63, 64, 100, 1 << 20])
    func readsAStreamDripFedInChunks(chunk: Int) {
        let source = GrowingSource()
        var reader = TFRecordReader(source: source, options: .init(chunkSize: 64))
        var steps: [Step] = []
        for start in stride(from: 0, to: stream.count, by: chunk) {
            source.append(stream[start..<min(start + chunk, stream.count)])
            steps += drain(&reader)
            #expect(reader.pendingByteCount == min(start + chunk, stream.count) - Int(reader.offset))
        }
        #expect(steps == expected)
        #expect(reader.pendingByteCount == 0)
    }

    @Test func reportsADamagedLengthWithGotAndWantThenReadsOn() {
        var damaged = stream
        damaged[80 + 8] ^= 1  // the stored length checksum of the third record
        var reader = TFRecordReader(source: MemoryByteSource(damaged))
        let steps = drain(&reader)
        #expect(
            steps == [
                expected[0], expected[1],
                .error(.lengthChecksumMismatch(offset: 80, got: 0x5FD0_F595, want: 0x5FD0_F594, skippedBytes: 64)),
                expected[3],
            ]
        )
    }

    @Test func skipsADamagedPayloadWhole() {
        var damaged = stream
        damaged[80 + 20] ^= 0x80
        var reader = TFRecordReader(source: MemoryByteSource(damaged))
        let steps = drain(&reader)
        #expect(steps.count == 4)
        guard case .error(.payloadChecksumMismatch(80, 48, let got, let want)) = steps[2] else {
            Issue.record("expected a payload checksum mismatch, got \(steps[2])")
            return
        }
        #expect(want == 0xF65A_17DB)
        #expect(got != want)
        #expect(steps[3] == expected[3])
    }

    @Test func rejectsALengthAboveTheLimitAndResynchronises() {
        var reader = TFRecordReader(source: MemoryByteSource(stream), options: .init(maximumRecordLength: 47))
        #expect(
            drain(&reader) == [
                expected[0], expected[1],
                .error(.lengthTooLarge(offset: 80, length: 48, limit: 47, skippedBytes: 64)), expected[3],
            ]
        )
    }

    @Test func leavesATruncatedTailPendingAndFinishesItWhenTheSourceGrows() {
        let source = GrowingSource(Array(stream[..<100]))
        var reader = TFRecordReader(source: source)
        #expect(drain(&reader) == [expected[0], expected[1]])
        #expect(reader.offset == 80)
        #expect(reader.pendingByteCount == 20)
        source.append(stream[100...])
        #expect(drain(&reader) == [expected[2], expected[3]])
    }

    @Test func anOverlongLengthFollowedByARecordIsCorruptionNotATail() {
        // A header claiming 1000 bytes, but only a whole record follows it before the end.
        let bytes = fileVersionRecord + validHeader(length: 1000) + legacyScalarRecord
        var reader = TFRecordReader(source: MemoryByteSource(bytes))
        #expect(
            drain(&reader) == [
                .record(0, payload(fileVersionRecord)),
                .error(.lengthPastEnd(offset: 40, length: 1000, skippedBytes: 12)),
                .record(52, payload(legacyScalarRecord)),
            ]
        )
        #expect(reader.pendingByteCount == 0)
    }

    @Test func reportsDamageAtTheEndOnceAndReadsWhatIsAppendedAfterIt() {
        let garbage = [UInt8](repeating: 0xAB, count: 30)
        let source = GrowingSource(fileVersionRecord + garbage)
        var reader = TFRecordReader(source: source)
        let got = MaskedCRC.checksum(Array(garbage[..<8]))
        #expect(
            drain(&reader) == [
                .record(0, payload(fileVersionRecord)),
                .error(.lengthChecksumMismatch(offset: 40, got: got, want: 0xABAB_ABAB, skippedBytes: 30)),
            ]
        )
        #expect(reader.pendingByteCount == 0)
        source.append(legacyScalarRecord)
        #expect(drain(&reader) == [.record(70, payload(legacyScalarRecord))])
    }

    @Test func aNewReaderResumedAtAnotherReadersPositionGoesOnAsThatReaderWould() {
        // Records, a damaged header and bytes holding none, an overlong length before a record, a cut record.
        let damage = [UInt8](repeating: 0xFF, count: 12) + [UInt8](repeating: 0xAB, count: 50)
        let overlong = validHeader(length: 1000) + [UInt8](repeating: 1, count: 8)
        let bytes = stream + damage + stream + overlong + stream + Array(legacyScalarRecord.dropLast(3))
        let options = TFRecordReader.Options(chunkSize: 64)
        for cut in 0...bytes.count {
            // One reader that reads on as the source grows past the cut ...
            let growing = GrowingSource(Array(bytes[..<cut]))
            var continuing = TFRecordReader(source: growing, options: options)
            let before = drain(&continuing)
            growing.append(bytes[cut...])
            // ... and a reader dropped at the cut, then a fresh one over all the bytes resumed where it stood.
            var dropped = TFRecordReader(source: MemoryByteSource(Array(bytes[..<cut])), options: options)
            #expect(drain(&dropped) == before)
            var resumed = TFRecordReader(source: MemoryByteSource(bytes), options: options)
            resumed.resume(at: dropped.position)
            #expect(drain(&resumed) == drain(&continuing), "cut at \(cut)")
            #expect(resumed.position == continuing.position && resumed.pendingByteCount == legacyScalarRecord.count - 3)
        }
    }

    @Test func reportsAFailedReadWithItsOffsetAndCanGoOn() {
        let source = GrowingSource(fileVersionRecord)
        var reader = TFRecordReader(source: source)
        #expect(drain(&reader) == [.record(0, payload(fileVersionRecord))])
        source.fail(with: 5)
        #expect(drain(&reader) == [.error(.readFailed(offset: 40, ByteSourceError(errno: 5)))])
    }

    @Test func neverAllocatesForAHugeLengthTheSourceDoesNotHold() {
        // A valid header claiming 2^40 bytes (the largest limit) in a file of 12 bytes: a truncated tail.
        var reader = TFRecordReader(
            source: MemoryByteSource(validHeader(length: 1 << 40)),
            options: .init(maximumRecordLength: 1 << 40)
        )
        #expect(drain(&reader).isEmpty)
        #expect(reader.pendingByteCount == 12)
        #expect(reader.statistics.bytesRead == 12)
    }

    /// Inputs built to make a careless reader rescan: every one is read in work linear in its size.
    @Test(arguments: [
        "zeros", "headers claiming the rest", "headers claiming past the end", "records with bad payloads",
    ])
    func resynchronisesInLinearWork(_ kind: String) {
        let size = 1 << 20
        var bytes: [UInt8] = []
        switch kind {
        case "zeros":
            bytes = [UInt8](repeating: 0, count: size)
        case "headers claiming the rest":
            // Valid headers every 12 bytes, each claiming a payload that runs to just before the end.
            while bytes.count + 12 <= size { bytes += validHeader(length: UInt64(size - bytes.count - 16)) }
        case "headers claiming past the end":
            while bytes.count + 12 <= size { bytes += validHeader(length: UInt64(size)) }
        default:
            // Records whose payload checksum is wrong, one after another.
            while bytes.count + 116 <= size { bytes += validHeader(length: 100) + [UInt8](repeating: 7, count: 104) }
        }
        bytes += modernScalarRecord
        var reader = TFRecordReader(source: MemoryByteSource(bytes), options: .init(chunkSize: 1 << 16))
        let steps = drain(&reader)
        #expect(reader.statistics.payloadBytesChecked <= Int64(bytes.count))
        #expect(reader.statistics.bytesRead <= 3 * Int64(bytes.count))
        #expect(!steps.isEmpty)
    }
}
