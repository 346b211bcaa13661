import TestSupport
import Testing

@testable import TensorBoardEvents

/// The scalar points `decodeScalars` gives (tag, step, wall time, value bits), or the error it throws.
private func fastPoints(_ payloads: [[UInt8]]) -> Result<[String], WireDecodingError> {
    var decoder = RunDecoder()
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

/// The same through the general decoder.
private func generalPoints(_ payloads: [[UInt8]]) -> Result<[String], WireDecodingError> {
    var decoder = RunDecoder()
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
    Event(wallTime: wallTime, step: step, what: .summary(Summary(values: values))).serializedBytes()
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
                Event(wallTime: 1, what: .fileVersion("brain.Event:2")).serializedBytes(),
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
        ("session log", [Event(wallTime: 2, step: 9, what: .sessionLog(SessionLog(status: .start))).serializedBytes()]),
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
