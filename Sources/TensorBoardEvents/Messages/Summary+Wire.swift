// Summary+Wire.swift: the binary coding of Summary and its nested messages.

extension Summary: WireCodable {
    /// Creates an empty summary.
    public init() {
        self.init(values: [])
    }

    package mutating func merge(from reader: inout ProtoReader) throws(WireDecodingError) {
        try ValueView.forEachValue(in: &reader) { value throws(WireDecodingError) in
            values.append(try Value(view: value))
        }
    }

    package func encode(to writer: inout ProtoWriter) {
        for value in values { writer.writeField(1, message: value) }
    }
}

extension Summary.Value: WireCodable {
    /// Creates an empty value.
    public init() {
        self.init(tag: "")
    }

    /// Reads a value's fields from `reader` (to its end) through ``ValueView``, replacing this value's fields.
    /// A value is only ever an element of a repeated field, so nothing is merged into an earlier value.
    package mutating func merge(from reader: inout ProtoReader) throws(WireDecodingError) {
        self = try Self(view: ValueView(reader))
        reader.skipToEnd()
    }

    /// The value a view holds, decoded.
    init(view: ValueView) throws(WireDecodingError) {
        let kind: Kind?
        switch view.kind {
        case .none: kind = nil
        case .simpleValue(let value): kind = .simpleValue(value)
        case .obsoleteHistogram(let bytes): kind = .obsoleteOldStyleHistogram([UInt8](bytes))
        case .image: kind = .image(try view.message(Summary.Image.self))
        case .histogram: kind = .histogram(try view.message(HistogramProto.self))
        case .audio: kind = .audio(try view.message(Summary.Audio.self))
        case .tensor: kind = .tensor(try view.message(TensorProto.self))
        }
        self.init(
            tag: LosslessUTF8.decode(view.tag),
            kind: kind,
            metadata: try view.decodedMetadata(),
            nodeName: String(decoding: view.nodeName, as: UTF8.self)
        )
    }

    package func encode(to writer: inout ProtoWriter) {
        if LosslessUTF8.containsEscapes(tag) {
            writer.writeField(1, bytes: LosslessUTF8.encode(tag))  // the bytes the tag was read from
        } else if !tag.isEmpty {
            writer.writeField(1, string: tag)
        }
        switch kind {
        case .simpleValue(let value): writer.writeField(2, float: value)
        case .obsoleteOldStyleHistogram(let bytes): writer.writeField(3, bytes: bytes)
        case .image(let image): writer.writeField(4, message: image)
        case .histogram(let histogram): writer.writeField(5, message: histogram)
        case .audio(let audio): writer.writeField(6, message: audio)
        case .tensor, nil: break
        }
        if !nodeName.isEmpty { writer.writeField(7, string: nodeName) }
        if case .tensor(let tensor) = kind { writer.writeField(8, message: tensor) }
        if let metadata { writer.writeField(9, message: metadata) }
    }
}

extension Summary.Image: WireCodable {
    /// Creates an empty image.
    public init() {
        self.init(width: 0)
    }

    package mutating func merge(from reader: inout ProtoReader) throws(WireDecodingError) {
        while let tag = try reader.readKey() {
            switch (tag.fieldNumber, tag.wireType) {
            case (1, .varint): height = try reader.readInt32()
            case (2, .varint): width = try reader.readInt32()
            case (3, .varint): colorspace = try reader.readInt32()
            case (4, .lengthDelimited): encodedImage = try reader.readBytes()
            default: try reader.skipValue(of: tag)
            }
        }
    }

    package func encode(to writer: inout ProtoWriter) {
        if height != 0 { writer.writeField(1, int64: Int64(height)) }
        if width != 0 { writer.writeField(2, int64: Int64(width)) }
        if colorspace != 0 { writer.writeField(3, int64: Int64(colorspace)) }
        if !encodedImage.isEmpty { writer.writeField(4, bytes: encodedImage) }
    }
}

extension Summary.Audio: WireCodable {
    /// Creates empty audio.
    public init() {
        self.init(sampleRate: 0)
    }

    package mutating func merge(from reader: inout ProtoReader) throws(WireDecodingError) {
        while let tag = try reader.readKey() {
            switch (tag.fieldNumber, tag.wireType) {
            case (1, .fixed32): sampleRate = try reader.readFloat()
            case (2, .varint): channelCount = try reader.readInt64()
            case (3, .varint): frameCount = try reader.readInt64()
            case (4, .lengthDelimited): encodedAudio = try reader.readBytes()
            case (5, .lengthDelimited): contentType = try reader.readString()
            default: try reader.skipValue(of: tag)
            }
        }
    }

    package func encode(to writer: inout ProtoWriter) {
        if sampleRate.bitPattern != 0 { writer.writeField(1, float: sampleRate) }
        if channelCount != 0 { writer.writeField(2, int64: channelCount) }
        if frameCount != 0 { writer.writeField(3, int64: frameCount) }
        if !encodedAudio.isEmpty { writer.writeField(4, bytes: encodedAudio) }
        if !contentType.isEmpty { writer.writeField(5, string: contentType) }
    }
}
