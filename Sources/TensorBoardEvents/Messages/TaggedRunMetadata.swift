// TaggedRunMetadata.swift: run metadata for the graph dashboard, with its tag.

/// Run metadata (for the graph dashboard) with the tag it is filed under. Proto message `TaggedRunMetadata`.
public struct TaggedRunMetadata: Sendable, Equatable {
    /// The tag. Proto field `tag = 1`.
    public var tag: String
    /// A serialized `RunMetadata`. Proto field `run_metadata = 2`.
    public var runMetadata: [UInt8]

    /// Creates tagged run metadata.
    /// - Parameters:
    ///   - tag: The tag.
    ///   - runMetadata: A serialized `RunMetadata`.
    public init(tag: String = "", runMetadata: [UInt8] = []) {
        self.tag = tag
        self.runMetadata = runMetadata
    }
}

extension TaggedRunMetadata: WireCodable {
    /// Creates empty tagged run metadata.
    public init() {
        self.init(tag: "")
    }

    package mutating func merge(from reader: inout ProtoReader) throws(WireDecodingError) {
        while let tag = try reader.readKey() {
            switch (tag.fieldNumber, tag.wireType) {
            case (1, .lengthDelimited): self.tag = try reader.readString()
            case (2, .lengthDelimited): runMetadata = try reader.readBytes()
            default: try reader.skipValue(of: tag)
            }
        }
    }

    package func encode(to writer: inout ProtoWriter) {
        if !tag.isEmpty { writer.writeField(1, string: tag) }
        if !runMetadata.isEmpty { writer.writeField(2, bytes: runMetadata) }
    }
}
