// AudioPluginData.swift: the content of the audio plugin's summaries.

/// The content of a summary owned by the `audio` plugin: how its clips are encoded. Proto message
/// `AudioPluginData`.
package struct AudioPluginData: Sendable, Equatable {
    /// The plugin's content version; only 0 exists. Proto field `version = 1`.
    package var version: Int32
    /// The clips' encoding: 11 for WAV (`Encoding.WAV`), 0 unknown. Proto field `encoding = 2`.
    package var encoding: Int32
    /// Whether a loader converted a legacy `Summary.Audio` into this form. Proto field `converted_to_tensor = 3`.
    package var isConvertedToTensor: Bool

    /// `Encoding.WAV`.
    package static let wav: Int32 = 11

    /// Creates plugin data of version 0.
    /// - Parameter encoding: The clips' encoding; WAV by default.
    package init(encoding: Int32 = AudioPluginData.wav) {
        self.version = 0
        self.encoding = encoding
        self.isConvertedToTensor = false
    }
}

extension AudioPluginData: WireCodable {
    /// Creates plugin data with an unknown encoding.
    package init() {
        self.init(encoding: 0)
    }

    package mutating func merge(from reader: inout ProtoReader) throws(WireDecodingError) {
        while let tag = try reader.readKey() {
            switch (tag.fieldNumber, tag.wireType) {
            case (1, .varint): version = try reader.readInt32()
            case (2, .varint): encoding = try reader.readInt32()
            case (3, .varint): isConvertedToTensor = try reader.readBool()
            default: try reader.skipValue(of: tag)
            }
        }
    }

    package func encode(to writer: inout ProtoWriter) {
        if version != 0 { writer.writeField(1, int64: Int64(version)) }
        if encoding != 0 { writer.writeField(2, int64: Int64(encoding)) }
        if isConvertedToTensor { writer.writeField(3, bool: true) }
    }
}
