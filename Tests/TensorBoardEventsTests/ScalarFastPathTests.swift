import TestSupport
import Testing

@testable import TensorBoardEvents

/// The scalar points `decodeScalars` gives (tag, step, wall time, value bits), or the error it throws.
private func fastPoints(
    _ payloads: [[UInt8]],
    filter: RunDecoder.Filter = .all
) -> Result<[String], WireDecodingError> {
    var decoder = RunDecoder(filter: filter)
    var collected: [ScalarPoint] = []
    var points: [String] = []
    do {
        for payload in payloads {
            let header = try payload.withUnsafeBytes { bytes in
                try decoder.decodeScalars(bytes) { collected.append($0) }
            }
            points.append("header \(header)")
            for point in collected {
                points.append(
                    "\(decoder.tag(ofSeries: point.seriesIndex))@\(point.step)@\(point.wallTime)=\(point.value.bitPattern)"
                )
            }
            collected.removeAll()
        }
    } catch let error as WireDecodingError {
        return .failure(error)
    } catch {
        Issue.record("unexpected error \(error)")
        return .success([])
    }
    return .success(points)
}

/// The same through the general decoder, asked for scalars only (as `decodeScalars` is: values of other kinds
/// are not decoded, so their errors do not count).
private func generalPoints(
    _ payloads: [[UInt8]],
    filter: RunDecoder.Filter = RunDecoder.Filter(kinds: [.scalar])
) -> Result<[String], WireDecodingError> {
    var decoder = RunDecoder(filter: filter)
    var points: [String] = []
    do {
        for payload in payloads {
            var scalars: [String] = []
            let header = try payload.withUnsafeBytes { bytes in
                try decoder.decode(bytes) { point in
                    guard case .scalar(let value) = point.value else { return }
                    scalars.append("\(point.tag)@\(point.step)@\(point.wallTime)=\(value.bitPattern)")
                }
            }
            points.append("header \(header)")
            points += scalars
        }
    } catch let error as WireDecodingError {
        return .failure(error)
    } catch {
        Issue.record("unexpected error \(error)")
        return .success([])
    }
    return .success(points)
}

private func scalarEvent(_ values: [Summary.Value], step: Int64 = 3, wallTime: Double = 1.5) -> [UInt8] {
    Event(wallTime: wallTime, step: step, content: .summary(Summary(values: values))).serializedBytes()
}

private func tensor(_ type: DataType, content: [UInt8], shape: TensorShapeProto? = TensorShapeProto()) -> TensorProto {
    var tensor = TensorProto(dataType: type, shape: shape)
    tensor.tensorContent = content
    return tensor
}

private let fastPathCases: [(String, [[UInt8]])] = {
    var doubleList = TensorProto(dataType: .double, shape: TensorShapeProto())
    doubleList.doubleValues = [0.1]
    var int64 = TensorProto(dataType: .int64, shape: TensorShapeProto())
    int64.int64Values = [-7]
    var halfValue = TensorProto(dataType: .half, shape: TensorShapeProto())
    halfValue.halfValues = [0x3C00]
    let described = SummaryMetadata.scalars
    return [
        (
            "ours",
            [
                scalarEvent([Summary.Value(tag: "loss", kind: .tensor(.scalar(0.25)), metadata: described)]),
                scalarEvent([Summary.Value(tag: "loss", kind: .tensor(.scalar(-0.0)))], step: 4),
            ]
        ),
        (
            "TF2 tensor_content",
            [
                scalarEvent([
                    Summary.Value(
                        tag: "acc",
                        kind: .tensor(tensor(.float, content: [0, 0, 0xC0, 0x7F])),
                        metadata: SummaryMetadata(pluginName: "scalars")
                    )
                ])
            ]
        ),
        (
            "double content",
            [
                scalarEvent([
                    Summary.Value(
                        tag: "d",
                        kind: .tensor(
                            tensor(.double, content: withUnsafeBytes(of: 0.1.bitPattern.littleEndian, Array.init))
                        ),
                        metadata: described
                    )
                ])
            ]
        ),
        ("double list", [scalarEvent([Summary.Value(tag: "d", kind: .tensor(doubleList), metadata: described)])]),
        (
            "int64 and half",
            [
                scalarEvent([
                    Summary.Value(tag: "i", kind: .tensor(int64), metadata: described),
                    Summary.Value(tag: "h", kind: .tensor(halfValue), metadata: described),
                ])
            ]
        ),
        (
            "legacy",
            [
                scalarEvent(
                    [
                        Summary.Value(tag: "a", kind: .simpleValue(.infinity)),
                        Summary.Value(tag: "b", kind: .simpleValue(2)),
                    ],
                    step: -1
                )
            ]
        ),
        (
            "node name",
            [scalarEvent([Summary.Value(tag: "", kind: .tensor(.scalar(1)), metadata: described, nodeName: "node")])]
        ),
        (
            "no tensor shape",
            [
                scalarEvent([
                    Summary.Value(tag: "x", kind: .tensor(TensorProto.scalar(1).withoutShape), metadata: described)
                ])
            ]
        ),
        // float_val unpacked (key 2d), which both TensorBoard loaders accept.
        (
            "unpacked float",
            [
                bytes(
                    "09 00 00 00 00 00 00 f8 3f 10 01 2a 1d 0a 1b 0a 01 75 42 09 08 01 12 00 2d 00 00 80 3f 4a 0b 0a 09 0a 07 73 63 61 6c 61 72 73"
                )
            ]
        ),
        (
            "file version first",
            [
                Event(wallTime: 1, content: .fileVersion("brain.Event:2")).serializedBytes(),
                scalarEvent([Summary.Value(tag: "s", kind: .simpleValue(1))]),
            ]
        ),
        (
            "two summary fields",
            [bytes("10 01 2a 0a 0a 08 0a 01 61 15 00 00 80 3f 2a 0a 0a 08 0a 01 62 15 00 00 00 40")]
        ),
        ("unknown fields", [bytes("10 05 98 06 07 2a 0d 0a 0b 0a 01 61 15 00 00 80 3f 40 01")]),
        ("non-value field in summary", [bytes("10 05 2a 0c 10 01 0a 08 0a 01 61 15 00 00 80 3f")]),
        (
            "other kinds skipped",
            [
                scalarEvent([
                    Summary.Value(tag: "t", kind: .tensor(.strings([[1]], shape: [])), metadata: .text),
                    Summary.Value(tag: "s", kind: .simpleValue(5)),
                ])
            ]
        ),
        (
            "session log",
            [Event(wallTime: 2, step: 9, content: .sessionLog(SessionLog(status: .start))).serializedBytes()]
        ),
        // Events of one value in the writers' layout, for a series already known (the straight-line path).
        (
            "simple values of a known series",
            [
                scalarEvent([Summary.Value(tag: "s", kind: .simpleValue(1))], step: 0),
                scalarEvent([Summary.Value(tag: "s", kind: .simpleValue(-2))], step: 1 << 40),
                scalarEvent([Summary.Value(tag: "s", kind: .simpleValue(.nan))], step: -5),
            ]
        ),
        (
            "known series, other tensor forms",
            [
                scalarEvent([Summary.Value(tag: "d", kind: .tensor(.scalar(1)), metadata: described)]),
                scalarEvent([Summary.Value(tag: "d", kind: .tensor(doubleList))]),
                scalarEvent([Summary.Value(tag: "d", kind: .tensor(tensor(.float, content: [0, 0, 0x80, 0x3F])))]),
                scalarEvent([Summary.Value(tag: "d", kind: .tensor(.scalar(2)), metadata: .text)]),
                scalarEvent([Summary.Value(tag: "d", kind: .simpleValue(3))]),
            ]
        ),
        (
            "provisional tensor series settled by later metadata",
            [
                scalarEvent([Summary.Value(tag: "p", kind: .tensor(.scalar(1)))]),
                scalarEvent([Summary.Value(tag: "p", kind: .tensor(.scalar(2)))]),
                scalarEvent([Summary.Value(tag: "p", kind: .tensor(.scalar(3)), metadata: described)]),
                scalarEvent([Summary.Value(tag: "p", kind: .tensor(.scalar(4)))]),
            ]
        ),
        (
            "long tags",
            [
                scalarEvent([Summary.Value(tag: String(repeating: "t", count: 17), kind: .simpleValue(1))]),
                scalarEvent([Summary.Value(tag: String(repeating: "t", count: 17), kind: .simpleValue(2))]),
                scalarEvent([Summary.Value(tag: String(repeating: "u", count: 200), kind: .simpleValue(3))]),
                scalarEvent([Summary.Value(tag: String(repeating: "u", count: 200), kind: .simpleValue(4))]),
                scalarEvent([Summary.Value(tag: String(repeating: "u", count: 199) + "v", kind: .simpleValue(5))]),
            ]
        ),
        (
            "tags that differ in one byte",
            [
                "", "a", "b", "ab", "ba", "abc", "abd", "abcd", "abce", "abcdefg", "abcdefh", "abcdefgh", "abcdefgi",
                "abcdefghijklmnop", "abcdefghijklmnoq", "bbcdefghijklmnop",
            ]
            .flatMap { tag in
                [
                    scalarEvent([Summary.Value(tag: tag, kind: .simpleValue(1))]),
                    scalarEvent([Summary.Value(tag: tag, kind: .simpleValue(2))]),
                ]
            }
        ),
        (
            "filter-settled series left out",
            [
                scalarEvent([Summary.Value(tag: "t", kind: .tensor(.strings([[1]], shape: [])), metadata: .text)]),
                scalarEvent([Summary.Value(tag: "t", kind: .tensor(.scalar(1)))]),
                scalarEvent([Summary.Value(tag: "t", kind: .simpleValue(1))]),
            ]
        ),
        ("malformed value", [bytes("10 01 2a 04 0a 09 0a 01")]),
        ("malformed top", [bytes("10 ff ff ff ff ff ff ff ff ff ff 01")]),
        ("summary past the end", [bytes("2a 05 0a 01")]),
    ]
}()

@Suite struct ScalarFastPathTests {
    @Test(arguments: fastPathCases)
    func fastPathAgreesWithTheGeneralDecoder(name: String, payloads: [[UInt8]]) {
        let fast = fastPoints(payloads)
        #expect(fast == generalPoints(payloads), "\(name)")
        if case .success(let points) = fast, name != "session log" {
            #expect(!points.isEmpty || name.hasPrefix("malformed") || name.hasPrefix("summary"), "\(name)")
        }
    }

    @Test func fastPathAgreesWhenTheFilterLeavesOutAKnownSeries() {
        let filter = RunDecoder.Filter(kinds: [.scalar], includesTag: { $0 != "skip" })
        let payloads = ["keep", "skip", "keep", "skip"].enumerated().map { step, tag in
            scalarEvent([Summary.Value(tag: tag, kind: .simpleValue(Float(step)))], step: Int64(step))
        }
        let fast = fastPoints(payloads, filter: filter)
        #expect(fast == generalPoints(payloads, filter: filter))
        #expect((try? fast.get().filter { $0.hasPrefix("skip") }) == [])
    }

    /// Our writer's events: the first value of a tag carries metadata, the later ones do not. Every truncation
    /// and every value of every byte of either event is read alike by both paths, the second one with the series
    /// already known (the straight-line path) or not.
    @Test(arguments: [SummaryWriter.ScalarEncoding.tensor, .simpleValue])
    func fastPathAgreesOnEveryChangeToAWritersEvents(encoding: SummaryWriter.ScalarEncoding) {
        let kind: Summary.Value.Kind = encoding == .tensor ? .tensor(.scalar(0.5)) : .simpleValue(0.5)
        let first = scalarEvent([Summary.Value(tag: "loss", kind: kind, metadata: .scalars)], step: 200)
        let second = scalarEvent([Summary.Value(tag: "loss", kind: kind)], step: 300)
        for (which, event) in [(0, first), (1, second)] {
            for cut in 0..<event.count {
                var payloads = [first, second]
                payloads[which] = Array(event[..<cut])
                #expect(fastPoints(payloads) == generalPoints(payloads), "event \(which) cut \(cut)")
            }
            for position in event.indices {
                for byte in 0...255 where byte != event[position] {
                    var payloads = [first, second]
                    payloads[which][position] = UInt8(byte)
                    #expect(
                        fastPoints(payloads) == generalPoints(payloads),
                        "event \(which) byte \(position) = \(byte)"
                    )
                }
            }
        }
    }

    @Test func fastPathAgreesOnEveryTruncationOfAScalarEvent() {
        let event = scalarEvent([Summary.Value(tag: "loss", kind: .tensor(.scalar(0.5)), metadata: .scalars)])
        for cut in 0...event.count {
            let payload = [Array(event[..<cut])]
            #expect(fastPoints(payload) == generalPoints(payload), "cut \(cut)")
        }
    }
}

extension TensorProto {
    fileprivate var withoutShape: TensorProto {
        var copy = self
        copy.shape = nil
        return copy
    }
}
