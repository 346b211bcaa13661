// SourceMetadata.swift: which program wrote an event file.

/// Which program wrote an event file. Proto message `SourceMetadata`.
public struct SourceMetadata: Sendable, Equatable {
    /// Free text naming the writer, such as `"tensorflow.core.util.events_writer"`. Proto field `writer = 1`.
    public var writer: String

    /// Creates source metadata.
    /// - Parameter writer: The writer's name.
    public init(writer: String = "") {
        self.writer = writer
    }
}

extension SourceMetadata: WireCodable {
    /// Creates empty source metadata.
    public init() {
        self.init(writer: "")
    }

    package mutating func merge(from reader: inout ProtoReader) throws(WireDecodingError) {
        while let tag = try reader.readKey() {
            switch (tag.fieldNumber, tag.wireType) {
            case (1, .lengthDelimited): writer = try reader.readString()
            default: try reader.skipValue(of: tag)
            }
        }
    }

    package func encode(to writer: inout ProtoWriter) {
        if !self.writer.isEmpty { writer.writeField(1, string: self.writer) }
    }
}
