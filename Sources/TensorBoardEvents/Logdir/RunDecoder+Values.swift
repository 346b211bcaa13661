// RunDecoder+Values.swift: what a value says of its series, and its point decoded by the series' kind.

extension RunDecoder {
    static func seriesInfo(tag: String, value: ValueView) throws(WireDecodingError) -> SeriesInfo? {
        let metadata = try value.decodedMetadata()
        let legacyKind: SeriesKind?
        switch value.kind {
        case .simpleValue: legacyKind = .scalar
        case .histogram: legacyKind = .histogram
        case .image: legacyKind = .image
        case .audio: legacyKind = .audio
        case .tensor, .none, .obsoleteHistogram: legacyKind = nil
        }
        if let legacyKind {
            let plugin: String
            switch legacyKind {
            case .scalar: plugin = "scalars"
            case .histogram: plugin = "histograms"
            case .image: plugin = "images"
            default: plugin = "audio"
            }
            return SeriesInfo(
                tag: tag,
                kind: legacyKind,
                pluginName: plugin,
                displayName: metadata?.displayName ?? "",
                summaryDescription: metadata?.summaryDescription ?? ""
            )
        }
        guard let metadata else { return nil }
        return SeriesInfo(
            tag: tag,
            kind: SeriesKind(pluginName: metadata.pluginName),
            pluginName: metadata.pluginName,
            dataClass: metadata.dataClass,
            displayName: metadata.displayName,
            summaryDescription: metadata.summaryDescription
        )
    }

    static func decodeValue(_ value: ValueView, as kind: SeriesKind) throws(WireDecodingError) -> DataValue? {
        switch (kind, value.kind) {
        case (.scalar, _):
            return try scalarNumber(of: value).map(DataValue.scalar)
        case (.histogram, .histogram):
            return .histogram(LegacyConversion.buckets(of: try value.message(HistogramProto.self)))
        case (.histogram, .tensor):
            return LegacyConversion.buckets(of: try value.message(TensorProto.self)).map(DataValue.histogram)
        case (.image, .image):
            let image = try value.message(Summary.Image.self)
            return .images(
                ImageSample(width: Int(image.width), height: Int(image.height), images: [image.encodedImage])
            )
        case (.image, .tensor):
            return LegacyConversion.images(of: try value.message(TensorProto.self)).map(DataValue.images)
        case (.audio, .audio):
            return .audio([try value.message(Summary.Audio.self).encodedAudio])
        case (.audio, .tensor):
            let tensor = try value.message(TensorProto.self)
            let columns = tensor.shape?.sizes.count == 2 ? Int(tensor.shape?.sizes.last ?? 1) : 1
            guard columns > 0 else { return .audio([]) }
            return .audio(stride(from: 0, to: tensor.stringValues.count, by: columns).map { tensor.stringValues[$0] })
        case (.text, .tensor):
            let tensor = try value.message(TensorProto.self)
            guard tensor.dataType == .string else { return nil }
            return .text(
                tensor.stringValues.map { String(decoding: $0, as: UTF8.self) },
                shape: tensor.shape?.sizes ?? []
            )
        case (.hparams, _):
            guard let metadata = try value.decodedMetadata() else { return nil }
            let content = metadata.pluginData?.content ?? []
            return .hparams(try HParamsPluginData(serializedBytes: content))
        case (.tensor, .tensor):
            return .tensor(try value.message(TensorProto.self))
        default:
            return nil
        }
    }

    /// The number of a scalar value (`simple_value`, or a one-element numeric tensor), or `nil` when it holds
    /// none.
    static func scalarNumber(of value: ValueView) throws(WireDecodingError) -> Double? {
        switch value.kind {
        case .simpleValue(let number):
            return Double(number)
        case .tensor(let bytes) where !value.hasRepeatedMember:
            return try TensorValues.scalar(fromEncoded: bytes)
        case .tensor:
            // Several tensor fields merge: read the number from their merge.
            let merged = try value.message(TensorProto.self).serializedBytes()
            return try TensorValues.scalar(fromEncoded: merged)
        default:
            return nil
        }
    }
}
