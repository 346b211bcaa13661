// ImagePluginData.swift: the content of the images plugin's summaries.

/// The content of a summary owned by the `images` plugin. Proto message `ImagePluginData`.
package struct ImagePluginData: Sendable, Equatable {
    /// The plugin's content version; only 0 exists. Proto field `version = 1`.
    package var version: Int32
    /// Whether the loader converted a legacy `Summary.Image` into this form. Proto field `converted_to_tensor = 2`.
    package var isConvertedToTensor: Bool

    /// Creates image plugin data.
    /// - Parameter isConvertedToTensor: Whether a loader converted a legacy image.
    package init(isConvertedToTensor: Bool = false) {
        self.version = 0
        self.isConvertedToTensor = isConvertedToTensor
    }
}

extension ImagePluginData: WireCodable {
    /// Creates image plugin data of version 0.
    package init() {
        self.init(isConvertedToTensor: false)
    }

    package mutating func merge(from reader: inout ProtoReader) throws(WireDecodingError) {
        while let tag = try reader.readKey() {
            switch (tag.fieldNumber, tag.wireType) {
            case (1, .varint): version = try reader.readInt32()
            case (2, .varint): isConvertedToTensor = try reader.readBool()
            default: try reader.skipValue(of: tag)
            }
        }
    }

    package func encode(to writer: inout ProtoWriter) {
        if version != 0 { writer.writeField(1, int64: Int64(version)) }
        if isConvertedToTensor { writer.writeField(2, bool: true) }
    }
}
