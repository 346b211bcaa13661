// FuzzChecks.swift: the invariants the fuzz targets check on arbitrary bytes. Shared by the libFuzzer entry
// points (Tests/Fuzz, built by scripts/fuzz together with the library's sources, with -D FUZZING) and by the
// test that replays every input the fuzzers ever found (FuzzRegressionTests).

#if FUZZING
import Foundation
#else
import Foundation
@testable import TensorBoardEvents
import TestSupport
#endif

enum FuzzChecks {
    /// Reads `bytes` as an event file (written to a scratch file) with a chunk size chosen by the first byte,
    /// and returns every broken invariant: offsets go forward, every record returned passes its checksums
    /// again, and good records, skipped bytes and the pending tail never add up to more than the file.
    static func recordReader(_ bytes: [UInt8], scratchPath: String) -> [String] {
        var problems: [String] = []
        guard (try? Data(bytes).write(to: URL(fileURLWithPath: scratchPath))) != nil else {
            return ["cannot write \(scratchPath)"]
        }
        let chunkSize = 64 << Int((bytes.first ?? 0) % 8)
        var reader: EventFileReader
        do {
            reader = try EventFileReader(
                path: scratchPath,
                options: .init(chunkSize: chunkSize, maximumRecordLength: 1 << 20)
            )
        } catch {
            return ["open failed: \(error)"]
        }
        var lastOffset: Int64 = -1
        var accounted: Int64 = 0
        var steps = 0
        while steps < bytes.count + 10 {
            steps += 1
            do {
                let record = try reader.readRecord { offset, payload -> (Int64, Int, Bool) in
                    let framed = TFRecordFrame.framed([UInt8](payload))
                    let original = Array(bytes[Int(offset)..<min(bytes.count, Int(offset) + framed.count)])
                    return (offset, payload.count, framed == original)
                }
                guard let (offset, length, intact) = record else { break }
                if offset <= lastOffset { problems.append("record offset \(offset) after \(lastOffset)") }
                if !intact { problems.append("record at \(offset) does not match the file's bytes") }
                lastOffset = offset
                accounted += Int64(length + TFRecordFrame.overhead)
            } catch {
                guard error.isCorruption, let offset = error.offset else {
                    problems.append("unexpected error \(error)")
                    break
                }
                if offset <= lastOffset { problems.append("damage offset \(offset) after \(lastOffset)") }
                if error.skippedBytes <= 0 { problems.append("damage at \(offset) skipped nothing") }
                lastOffset = offset
                accounted += error.skippedBytes
            }
        }
        if steps >= bytes.count + 10 { problems.append("reader did not finish") }
        accounted += Int64(reader.pendingByteCount)
        if accounted != Int64(bytes.count) {
            problems.append("records, skipped and pending bytes add up to \(accounted), not \(bytes.count)")
        }
        return problems
    }

    /// Decodes `bytes` as each message type; whatever decodes must encode to bytes that decode to a message
    /// encoding to the same bytes (a stable round trip).
    static func protobuf(_ bytes: [UInt8]) -> [String] {
        var problems: [String] = []
        func check<M: ProtobufMessage>(_ type: M.Type) {
            guard let message = try? M(serializedBytes: bytes) else { return }
            let once = message.serializedBytes()
            guard let again = try? M(serializedBytes: once) else {
                problems.append("\(M.self): re-encoded bytes do not decode")
                return
            }
            if again.serializedBytes() != once { problems.append("\(M.self): round trip is not stable") }
        }
        check(Event.self)
        check(Summary.self)
        check(Summary.Value.self)
        check(SummaryMetadata.self)
        check(TensorProto.self)
        check(TensorShapeProto.self)
        check(HistogramProto.self)
        check(HParamsPluginData.self)
        check(ProtobufValue.self)
        return problems
    }

    /// Decodes `bytes` as an event payload with every reader path: the general decoder asked for scalars and
    /// the scalar fast path must agree on the points (or both fail the same way), again when the same decoders
    /// read the bytes a second time, and decoding every kind must not trap.
    static func eventDecoder(_ bytes: [UInt8]) -> [String] {
        var problems: [String] = []
        var everything = RunDecoder()
        _ = bytes.withUnsafeBytes { payload in
            try? everything.decode(payload) { point in
                if case .tensor(let tensor) = point.value { _ = TensorValues.numbers(of: tensor) }
            }
        }
        var general = RunDecoder(filter: RunDecoder.Filter(kinds: [.scalar]))
        var fast = RunDecoder()
        // Twice with the same decoders: the second time the event's series are known, which is the fast path's
        // own shortcut.
        for pass in 0..<2 {
            var generalPoints: [String] = []
            var fastPoints: [ScalarPoint] = []
            var generalHeader: EventHeader?
            var fastHeader: EventHeader?
            let generalResult: Result<Void, WireDecodingError> = bytes.withUnsafeBytes { payload in
                do {
                    generalHeader = try general.decode(payload) { point in
                        if case .scalar(let value) = point.value {
                            generalPoints.append(
                                "\(point.tag)|\(point.step)|\(point.wallTime.bitPattern)|\(value.bitPattern)"
                            )
                        }
                    }
                    return .success(())
                } catch let error as WireDecodingError {
                    return .failure(error)
                } catch {
                    return .success(())
                }
            }
            let fastResult: Result<Void, WireDecodingError> = bytes.withUnsafeBytes { payload in
                do {
                    fastHeader = try fast.decodeScalars(payload) { fastPoints.append($0) }
                    return .success(())
                } catch let error as WireDecodingError {
                    return .failure(error)
                } catch {
                    return .success(())
                }
            }
            let fastStrings = fastPoints.map {
                "\(fast.tag(ofSeries: $0.seriesIndex))|\($0.step)|\($0.wallTime.bitPattern)|\($0.value.bitPattern)"
            }
            switch (generalResult, fastResult) {
            case (.success, .success):
                if generalPoints != fastStrings {
                    problems.append("pass \(pass): paths disagree: \(generalPoints) vs \(fastStrings)")
                }
                // Compared bit for bit: a NaN wall time is a valid header, and NaN != NaN.
                if bitExact(generalHeader) != bitExact(fastHeader) {
                    problems.append(
                        "pass \(pass): headers disagree: \(bitExact(generalHeader)) vs \(bitExact(fastHeader))"
                    )
                }
            case (.failure(let a), .failure(let b)):
                if a != b { problems.append("pass \(pass): paths fail differently: \(a) vs \(b)") }
                return problems
            default:
                problems.append("pass \(pass): one path failed: \(generalResult) vs \(fastResult)")
                return problems
            }
        }
        return problems
    }

    /// A header as text with its wall time's bit pattern, so that equal headers give equal text even for NaN.
    private static func bitExact(_ header: EventHeader?) -> String {
        guard let header else { return "nil" }
        return "\(header.wallTime.bitPattern)|\(header.step)|\(header.content)"
    }
}
