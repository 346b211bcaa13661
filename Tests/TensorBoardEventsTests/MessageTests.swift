import TestSupport
import Testing

@testable import TensorBoardEvents

/// Encodes `message`, expects exactly `wire`, decodes `wire` and expects `message` back (a round trip).
private func expectEncoding<M: ProtobufMessage>(
    _ message: M,
    _ wire: [UInt8],
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(message.serializedBytes() == wire, sourceLocation: sourceLocation)
    #expect((try? M(serializedBytes: wire)) == message, sourceLocation: sourceLocation)
}

/// The modern scalar value of FORMAT.md §1.5: tag "loss", rank-0 DT_FLOAT, plugin scalars, class SCALAR.
private func modernScalar(_ tag: String, _ value: Float) -> Summary.Value {
    Summary.Value(
        tag: tag,
        kind: .tensor(.scalar(value)),
        metadata: SummaryMetadata(pluginName: "scalars", dataClass: .scalar)
    )
}

@Suite struct EventTests {
    @Test func encodesFileVersionEventAsFormatSection1_4() {
        // FORMAT.md §1.4 payload (24 bytes).
        let event = Event(wallTime: 1_700_000_000.0, content: .fileVersion("brain.Event:2"))
        expectEncoding(event, bytes("09 00 00 00 40 fc 54 d9 41 1a 0d 62 72 61 69 6e 2e 45 76 65 6e 74 3a 32"))
    }

    @Test func encodesModernScalarAsProtobufDoes() {
        // FORMAT.md §1.5: byte-identical to protobuf's own serializer.
        let event = Event(
            wallTime: 1_700_000_002.0,
            step: 2,
            content: .summary(Summary(values: [modernScalar("loss", 0.25)]))
        )
        expectEncoding(
            event,
            bytes(
                """
                09 00 00 80 40 fc 54 d9 41 10 02 2a 23 0a 21 0a 04 6c 6f 73 73 42 0a 08 01 12 00 2a 04 00 00 80 3e
                4a 0d 0a 09 0a 07 73 63 61 6c 61 72 73 20 01
                """
            )
        )
    }

    @Test func encodesLegacySimpleValue() {
        // FORMAT.md §1.5, legacy form: step 1, wall time 1700000001.5, simple_value 0.5.
        let event = Event(
            wallTime: 1_700_000_001.5,
            step: 1,
            content: .summary(Summary(values: [Summary.Value(tag: "loss", kind: .simpleValue(0.5))]))
        )
        expectEncoding(event, bytes("09 00 00 60 40 fc 54 d9 41 10 01 2a 0d 0a 0b 0a 04 6c 6f 73 73 15 00 00 00 3f"))
    }

    @Test func alwaysWritesAOneofMemberEvenWhenZero() {
        // FORMAT.md §9 item 4: leaving out simple_value = 0.0 loses the whole series.
        let value = Summary.Value(tag: "x", kind: .simpleValue(0))
        expectEncoding(value, bytes("0a 01 78 15 00 00 00 00"))
        expectEncoding(Event(wallTime: 0, content: .fileVersion("")), bytes("1a 00"))
    }

    @Test func encodesSessionLogStart() {
        // FORMAT.md §3.3: SessionLog START at step 5.
        let event = Event(wallTime: 1_700_000_000.0, step: 5, content: .sessionLog(SessionLog(status: .start)))
        expectEncoding(event, bytes("09 00 00 00 40 fc 54 d9 41 10 05 3a 02 08 01"))
    }

    @Test func keepsTheLastOneofMemberAndMergesRepeatedSummaries() throws {
        // file_version, then summary: the oneof keeps the summary. Two summary fields merge their values.
        let twoSummaries = bytes("1a 01 31 2a 0a 0a 08 0a 01 61 15 00 00 80 3f 2a 0a 0a 08 0a 01 62 15 00 00 00 40")
        let event = try Event(serializedBytes: twoSummaries)
        #expect(event.summary?.values.map(\.tag) == ["a", "b"])
        #expect(event.summary?.values.map(\.kind) == [.simpleValue(1), .simpleValue(2)])
    }

    @Test func skipsUnknownFieldsAndFieldsOfTheWrongWireType() throws {
        // field 99 (varint), field 2 sent as fixed32 (declared int64): both skipped, as protobuf does.
        let event = try Event(serializedBytes: bytes("98 06 07 15 01 00 00 00 10 03 1a 01 78"))
        #expect(event == Event(wallTime: 0, step: 3, content: .fileVersion("x")))
    }

    @Test func decodesSourceMetadata() {
        let event = Event(
            wallTime: 1.5,
            content: .fileVersion("brain.Event:2"),
            sourceMetadata: SourceMetadata(writer: "w")
        )
        expectEncoding(
            event,
            bytes("09 00 00 00 00 00 00 f8 3f 1a 0d 62 72 61 69 6e 2e 45 76 65 6e 74 3a 32 52 03 0a 01 77")
        )
    }

    @Test func keepsTheBytesOfTagsThatAreNotUTF8() throws {
        let value = try Summary.Value(serializedBytes: bytes("0a 02 ff 61"))
        #expect(value.tag == "\u{F7FF}a")
        #expect(value.tag != (try Summary.Value(serializedBytes: bytes("0a 02 fe 61"))).tag)
        expectEncoding(value, bytes("0a 02 ff 61"))
    }
}

@Suite struct TensorTests {
    @Test func encodesHistogramTensorAsFormatSection6_2() {
        // FORMAT.md §6.2: 2 buckets [(0, 0.5, 3), (0.5, 1, 1)], DT_DOUBLE, shape [2, 3], tensor_content.
        var tensor = TensorProto(dataType: .double, shape: TensorShapeProto([2, 3]))
        let values: [Double] = [0, 0.5, 3, 0.5, 1, 1]
        tensor.tensorContent = values.flatMap { withUnsafeBytes(of: $0.bitPattern.littleEndian, Array.init) }
        let content = values.flatMap { withUnsafeBytes(of: $0.bitPattern.littleEndian, Array.init) }
        expectEncoding(tensor, bytes("08 02 12 08 12 02 08 02 12 02 08 03 22 30") + content)
    }

    @Test func encodesShapes() {
        // FORMAT.md §5.2: rank 0 present-but-empty is "12 00"; shape [0] is "12 02 12 00".
        expectEncoding(TensorProto(dataType: .float, shape: TensorShapeProto()), bytes("08 01 12 00"))
        expectEncoding(TensorProto(dataType: .float, shape: TensorShapeProto([0])), bytes("08 01 12 02 12 00"))
        #expect(TensorShapeProto([4, 3]).elementCount == 12)
        #expect(TensorShapeProto([]).elementCount == 1)
        #expect(TensorShapeProto([-1, 3]).elementCount == nil)
        #expect(TensorShapeProto([Int64.max, 3]).elementCount == nil)
    }

    @Test func encodesImageTensorHeader() {
        // FORMAT.md §6.3: DT_STRING, shape [3], then three string_val entries.
        let tensor = TensorProto.strings([Array("2".utf8), Array("1".utf8), [0x89]], shape: [3])
        expectEncoding(tensor, bytes("08 07 12 04 12 02 08 03 42 01 32 42 01 31 42 01 89"))
    }

    @Test func roundTripsEveryTypedList() {
        var tensor = TensorProto(dataType: .int64, shape: TensorShapeProto([2]))
        tensor.floatValues = [1, -0.0, .infinity]
        tensor.doubleValues = [.pi, -.infinity]
        tensor.intValues = [-1, 0, Int32.max]
        tensor.stringValues = [[], [1, 2]]
        tensor.complex64Values = [1, 2]
        tensor.int64Values = [Int64.min, Int64.max]
        tensor.boolValues = [true, false, true]
        tensor.complex128Values = [3, 4]
        tensor.halfValues = [0x3C00]
        tensor.resourceHandleValues = [[9]]
        tensor.variantValues = [[8]]
        tensor.uint32Values = [UInt32.max]
        tensor.uint64Values = [UInt64.max]
        tensor.float8Values = [1, 2, 3]
        tensor.versionNumber = 1
        tensor.tensorContent = [1, 2, 3, 4, 5, 6, 7, 8]
        let decoded = try? TensorProto(serializedBytes: tensor.serializedBytes())
        // NaN-free values, so == compares them exactly.
        #expect(decoded == tensor)
    }
}

@Suite struct PluginDataTests {
    @Test func encodesHParamsStartInfoAsFormatSection6_7() {
        // FORMAT.md §6.7: start info with lr = 0.1.
        let content = HParamsPluginData(
            data: .sessionStartInfo(HParamsPluginData.SessionStartInfo(hparams: ["lr": .number(0.1)]))
        )
        expectEncoding(content, bytes("1a 11 0a 0f 0a 02 6c 72 12 09 11 9a 99 99 99 99 99 b9 3f"))
    }

    @Test func roundTripsAnExperiment() {
        let experiment = HParamsPluginData.Experiment(
            hparamInfos: [
                .init(
                    name: "lr",
                    type: HParamsPluginData.Experiment.HParamInfo.typeFloat64,
                    domain: .interval(min: 1e-4, max: 1)
                ),
                .init(
                    name: "optimizer",
                    type: HParamsPluginData.Experiment.HParamInfo.typeString,
                    domain: .discrete([.string("adam"), .string("sgd")])
                ),
            ],
            metricInfos: [.init(group: "validation", tag: "epoch_accuracy", datasetType: 2)],
            timeCreatedSeconds: 1_700_000_000
        )
        let data = HParamsPluginData(data: .experiment(experiment))
        #expect((try? HParamsPluginData(serializedBytes: data.serializedBytes())) == data)
    }

    @Test func roundTripsNestedProtobufValues() {
        let value = ProtobufValue.structure([
            "a": .list([.null, .bool(true), .number(-2), .string("s")]), "b": .structure([:]),
        ])
        #expect((try? ProtobufValue(serializedBytes: value.serializedBytes())) == value)
    }
}
