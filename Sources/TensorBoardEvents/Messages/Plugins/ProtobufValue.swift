// ProtobufValue.swift: google.protobuf.Value, the dynamically typed value hparams are stored as.

/// A dynamically typed value: proto message `google.protobuf.Value` with its `oneof kind`, as the hparams
/// plugin stores hyperparameter values and discrete domains.
public enum ProtobufValue: Sendable, Equatable, Hashable {
    /// `null_value = 1`.
    case null
    /// `number_value = 2` (double).
    case number(Double)
    /// `string_value = 3`.
    case string(String)
    /// `bool_value = 4`.
    case bool(Bool)
    /// `struct_value = 5`: a `google.protobuf.Struct`, its fields by name.
    case structure([String: ProtobufValue])
    /// `list_value = 6`: a `google.protobuf.ListValue`.
    case list([ProtobufValue])
}

extension ProtobufValue: WireCodable {
    /// Creates a null value.
    public init() {
        self = .null
    }

    package mutating func merge(from reader: inout ProtoReader) throws(WireDecodingError) {
        while let tag = try reader.readKey() {
            switch (tag.fieldNumber, tag.wireType) {
            case (1, .varint):
                _ = try reader.readVarint()
                self = .null
            case (2, .fixed64): self = .number(try reader.readDouble())
            case (3, .lengthDelimited): self = .string(try reader.readString())
            case (4, .varint): self = .bool(try reader.readBool())
            case (5, .lengthDelimited):
                var fields: [String: ProtobufValue] = [:]
                if case .structure(let existing) = self { fields = existing }
                var nested = try reader.readMessage()
                try Self.mergeStructFields(from: &nested, into: &fields)
                self = .structure(fields)
            case (6, .lengthDelimited):
                var values: [ProtobufValue] = []
                if case .list(let existing) = self { values = existing }
                var nested = try reader.readMessage()
                try Self.mergeListValues(from: &nested, into: &values)
                self = .list(values)
            default: try reader.skipValue(of: tag)
            }
        }
    }

    package func encode(to writer: inout ProtoWriter) {
        switch self {
        case .null: writer.writeField(1, varint: 0)
        case .number(let number): writer.writeField(2, double: number)
        case .string(let string): writer.writeField(3, string: string)
        case .bool(let bool): writer.writeField(4, bool: bool)
        case .structure(let fields):
            let start = writer.beginLengthDelimited(field: 5)
            Self.encodeStructFields(fields, to: &writer)
            writer.endLengthDelimited(start)
        case .list(let values):
            let start = writer.beginLengthDelimited(field: 6)
            Self.encodeListValues(values, to: &writer)
            writer.endLengthDelimited(start)
        }
    }

    /// Merges the entries of a `google.protobuf.Struct` (field 1: map entries of key 1 and value 2).
    package static func mergeStructFields(
        from reader: inout ProtoReader,
        into fields: inout [String: ProtobufValue]
    ) throws(WireDecodingError) {
        while let tag = try reader.readKey() {
            guard tag.fieldNumber == 1, tag.wireType == .lengthDelimited else {
                try reader.skipValue(of: tag)
                continue
            }
            var entry = try reader.readMessage()
            let (key, value) = try readMapEntry(from: &entry)
            fields[key] = value
        }
    }

    /// Reads one `map<string, google.protobuf.Value>` entry: key field 1, value field 2.
    package static func readMapEntry(from entry: inout ProtoReader) throws(WireDecodingError) -> (String, ProtobufValue)
    {
        var key = ""
        var value = ProtobufValue.null
        while let tag = try entry.readKey() {
            switch (tag.fieldNumber, tag.wireType) {
            case (1, .lengthDelimited): key = try entry.readString()
            case (2, .lengthDelimited): try entry.readMessage(into: &value)
            default: try entry.skipValue(of: tag)
            }
        }
        return (key, value)
    }

    /// Appends `google.protobuf.Struct` fields as map entries, in key order so the encoding is deterministic.
    package static func encodeStructFields(_ fields: [String: ProtobufValue], to writer: inout ProtoWriter) {
        for key in fields.keys.sorted() {
            guard let value = fields[key] else { continue }
            writeMapEntry(field: 1, key: key, value: value, to: &writer)
        }
    }

    /// Appends one `map<string, google.protobuf.Value>` entry as field `field`.
    package static func writeMapEntry(field: UInt32, key: String, value: ProtobufValue, to writer: inout ProtoWriter) {
        let start = writer.beginLengthDelimited(field: field)
        writer.writeField(1, string: key)
        writer.writeField(2, message: value)
        writer.endLengthDelimited(start)
    }

    /// Merges the values of a `google.protobuf.ListValue` (field 1, repeated `Value`).
    package static func mergeListValues(
        from reader: inout ProtoReader,
        into values: inout [ProtobufValue]
    ) throws(WireDecodingError) {
        while let tag = try reader.readKey() {
            switch (tag.fieldNumber, tag.wireType) {
            case (1, .lengthDelimited): values.append(try reader.readMessage(ProtobufValue.self))
            default: try reader.skipValue(of: tag)
            }
        }
    }

    /// Appends the values of a `google.protobuf.ListValue`.
    package static func encodeListValues(_ values: [ProtobufValue], to writer: inout ProtoWriter) {
        for value in values { writer.writeField(1, message: value) }
    }
}
