// RunDecoder.swift: turns the records of one run into points, series by series.

/// Decodes the events of one run into ``DataPoint``s, keeping track of each series' metadata.
///
/// A series' kind comes from the first of its values that carries metadata (its plugin), or from the legacy
/// field its values use (`simple_value`, `histo`, `image`, `audio`), which wins over any metadata, as in
/// TensorBoard's loaders. Values of series the ``Filter`` does not ask for are skipped without being decoded;
/// a repeated tag is found by its bytes without allocating. Feed it the payloads of the run's files in order.
public struct RunDecoder {
    /// Which points to decode.
    public struct Filter: Sendable {
        /// The kinds to decode; every kind when `nil`.
        public var kinds: Set<SeriesKind>?
        /// Decides, once per tag, whether to decode it; every tag when `nil`.
        public var includesTag: (@Sendable (String) -> Bool)?

        /// Creates a filter.
        /// - Parameters:
        ///   - kinds: The kinds to decode; all when `nil`.
        ///   - includesTag: Whether to decode a tag; all when `nil`.
        public init(kinds: Set<SeriesKind>? = nil, includesTag: (@Sendable (String) -> Bool)? = nil) {
            self.kinds = kinds
            self.includesTag = includesTag
        }

        /// Every point of every series.
        public static let all = Filter()
    }

    /// The filter in use.
    public let filter: Filter
    var table = TagTable()
    // Per series, by the index the tag table gives; kept in separate arrays so the hot path touches only
    // trivially copyable values.
    var tags: [String] = []
    var infos: [SeriesInfo?] = []
    var kinds: [SeriesKind?] = []
    var wanted: [Bool] = []
    /// Whether the series' kind was guessed from a tensor value without metadata.
    var provisional: [Bool] = []
    /// Whether the series is a wanted scalar series whose kind is settled: what the scalar fast path asks.
    var isSettledWantedScalar: [Bool] = []
    /// The file version of the last file-version event seen, such as `"brain.Event:2"`.
    public internal(set) var fileVersion: String?

    /// Creates a decoder for one run.
    /// - Parameter filter: Which points to decode.
    public init(filter: Filter = .all) {
        self.filter = filter
    }

    /// The series seen so far whose kind is known, in order of first appearance.
    public var series: [SeriesInfo] { infos.compactMap { $0 } }

    /// The tag of the series with the given index (see ``ScalarPoint/seriesIndex``).
    public func tag(ofSeries index: Int) -> String { tags[index] }

    /// How many series (of every kind, wanted or not) have been seen: their indices are `0..<seriesCount`.
    public var seriesCount: Int { tags.count }

    /// Decodes one record's payload, calling `body` with each point it holds that the filter asks for.
    /// - Parameters:
    ///   - payload: A record's payload.
    ///   - body: Receives the points.
    /// - Returns: What the event was.
    /// - Throws: ``WireDecodingError`` when the payload is not a valid event.
    public mutating func decode(
        _ payload: UnsafeRawBufferPointer,
        _ body: (DataPoint) -> Void
    ) throws(WireDecodingError) -> EventHeader {
        let view = try EventView(payload)
        var valueCount = 0
        switch view.content {
        case .fileVersion(let version): fileVersion = String(decoding: version, as: UTF8.self)
        case .summary:
            try view.forEachValue { value throws(WireDecodingError) in
                valueCount += 1
                guard let (index, kind) = try wantedSeries(of: value) else { return }
                guard let decoded = try Self.decodeValue(value, as: kind) else { return }
                body(DataPoint(tag: tags[index], step: view.step, wallTime: view.wallTime, value: decoded))
            }
        default: break
        }
        return EventHeader(view: view, valueCount: valueCount)
    }

    /// The series index and kind of a value, when the filter asks for its series.
    ///
    /// A tensor series whose values carry no metadata yet is provisionally a plain ``SeriesKind/tensor`` with no
    /// plugin; the first metadata that arrives later decides its kind, as in TensorBoard's Python loader.
    mutating func wantedSeries(of value: ValueView) throws(WireDecodingError) -> (Int, SeriesKind)? {
        var tagBytes = value.tag
        if tagBytes.isEmpty, case .tensor = value.kind, !value.nodeName.isEmpty {
            tagBytes = value.nodeName  // as TensorBoard's Python loader does for tensors without a tag
        }
        let (index, isNew) = table.index(of: tagBytes)
        return try wantedSeries(of: value, index: index, isNew: isNew)
    }

    /// ``wantedSeries(of:)`` once the value's tag has been looked up in the tag table.
    mutating func wantedSeries(
        of value: ValueView,
        index: Int,
        isNew: Bool
    ) throws(WireDecodingError) -> (Int, SeriesKind)? {
        if isNew {
            tags.append(String(decoding: table.key(index), as: UTF8.self))
            infos.append(nil)
            kinds.append(nil)
            wanted.append(false)
            provisional.append(false)
            isSettledWantedScalar.append(false)
        }
        if let kind = kinds[index], !(provisional[index] && value.metadata != nil) {
            return wanted[index] ? (index, kind) : nil
        }
        let info: SeriesInfo
        if let established = try Self.seriesInfo(tag: tags[index], value: value) {
            info = established
            provisional[index] = false
        } else if case .tensor = value.kind {
            info = SeriesInfo(tag: tags[index], kind: .tensor, pluginName: "")
            provisional[index] = true
        } else {
            return nil
        }
        infos[index] = info
        kinds[index] = info.kind
        wanted[index] = (filter.kinds?.contains(info.kind) ?? true) && (filter.includesTag?(info.tag) ?? true)
        isSettledWantedScalar[index] = wanted[index] && info.kind == .scalar && !provisional[index]
        return wanted[index] ? (index, info.kind) : nil
    }

    /// The series info a value establishes, or `nil` when it says nothing (a tensor without metadata).
    static func seriesInfo(tag: String, value: ValueView) throws(WireDecodingError) -> SeriesInfo? {
        var metadata: SummaryMetadata?
        if let bytes = value.metadata {
            metadata = try SummaryMetadata(serializedBytes: bytes)
        }
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

    /// Decodes a value of a series of the given kind, or returns `nil` when its encoding does not fit the kind
    /// (TensorBoard drops such values too).
    static func decodeValue(_ value: ValueView, as kind: SeriesKind) throws(WireDecodingError) -> DataValue? {
        switch (kind, value.kind) {
        case (.scalar, .simpleValue(let float)):
            return .scalar(Double(float))
        case (.scalar, .tensor(let tensor)):
            return try TensorValues.scalar(fromEncoded: tensor).map(DataValue.scalar)
        case (.histogram, .histogram(let bytes)):
            return .histogram(LegacyConversion.buckets(of: try HistogramProto(serializedBytes: bytes)))
        case (.histogram, .tensor(let bytes)):
            return LegacyConversion.buckets(of: try TensorProto(serializedBytes: bytes)).map(DataValue.histogram)
        case (.image, .image(let bytes)):
            let image = try Summary.Image(serializedBytes: bytes)
            return .images(
                ImageSample(width: Int(image.width), height: Int(image.height), images: [image.encodedImage])
            )
        case (.image, .tensor(let bytes)):
            return LegacyConversion.images(of: try TensorProto(serializedBytes: bytes)).map(DataValue.images)
        case (.audio, .audio(let bytes)):
            return .audio([try Summary.Audio(serializedBytes: bytes).encodedAudio])
        case (.audio, .tensor(let bytes)):
            let tensor = try TensorProto(serializedBytes: bytes)
            let columns = tensor.shape?.sizes.count == 2 ? Int(tensor.shape?.sizes.last ?? 1) : 1
            guard columns > 0 else { return .audio([]) }
            return .audio(stride(from: 0, to: tensor.stringValues.count, by: columns).map { tensor.stringValues[$0] })
        case (.text, .tensor(let bytes)):
            let tensor = try TensorProto(serializedBytes: bytes)
            guard tensor.dataType == .string else { return nil }
            return .text(
                tensor.stringValues.map { String(decoding: $0, as: UTF8.self) },
                shape: tensor.shape?.sizes ?? []
            )
        case (.hparams, _):
            guard let metadata = value.metadata else { return nil }
            let content = try SummaryMetadata(serializedBytes: metadata).pluginData?.content ?? []
            return .hparams(try HParamsPluginData(serializedBytes: content))
        case (.tensor, .tensor(let bytes)):
            return .tensor(try TensorProto(serializedBytes: bytes))
        default:
            return nil
        }
    }
}

/// A scalar point as ``RunDecoder/decodeScalars(_:_:)`` reports it: trivially copyable, its tag given by the
/// series index.
public struct ScalarPoint: Sendable, Equatable {
    /// The series' index in its ``RunDecoder`` (``RunDecoder/tag(ofSeries:)`` gives the tag).
    public var seriesIndex: Int
    /// The step.
    public var step: Int64
    /// Seconds since the epoch.
    public var wallTime: Double
    /// The value.
    public var value: Double

    /// Creates a scalar point.
    /// - Parameters:
    ///   - seriesIndex: The series' index in its decoder.
    ///   - step: The step.
    ///   - wallTime: Seconds since the epoch.
    ///   - value: The value.
    public init(seriesIndex: Int, step: Int64, wallTime: Double, value: Double) {
        self.seriesIndex = seriesIndex
        self.step = step
        self.wallTime = wallTime
        self.value = value
    }
}

/// The top-level facts of an event: when, at which step, and what it carried.
///
/// Trivially copyable (it holds no string or array), so that returning one per record from the decoders'
/// hot paths costs no retain, release or destruction.
public struct EventHeader: Sendable, Equatable {
    /// What an event carries.
    public enum Content: Sendable, Equatable {
        /// No `oneof what` member.
        case none
        /// A file version, `brain.Event:<n>`: `number` is its `n` as TensorBoard's Python loader reads it (the
        /// text after the last `brain.Event:` as a floating-point number), `nil` when that is not a number. The
        /// whole string is the decoder's ``RunDecoder/fileVersion``.
        case fileVersion(number: Double?)
        /// A summary with this many values.
        case summary(valueCount: Int)
        /// A session log with this status.
        case sessionLog(SessionLog.Status)
        /// A graph definition.
        case graphDef
        /// A (deprecated) log message.
        case logMessage
        /// Tagged run metadata.
        case taggedRunMetadata
        /// A meta graph definition.
        case metaGraphDef
    }

    /// Seconds since the epoch.
    public var wallTime: Double
    /// The step.
    public var step: Int64
    /// What the event carried.
    public var content: Content

    init(wallTime: Double, step: Int64, content: Content) {
        self.wallTime = wallTime
        self.step = step
        self.content = content
    }

    init(view: EventView, valueCount: Int) {
        wallTime = view.wallTime
        step = view.step
        switch view.content {
        case .none: content = .none
        case .fileVersion(let version): content = .fileVersion(number: Self.fileVersionNumber(version))
        case .summary: content = .summary(valueCount: valueCount)
        case .sessionLog(let status): content = .sessionLog(SessionLog.Status(rawValue: status))
        case .graphDef: content = .graphDef
        case .logMessage: content = .logMessage
        case .taggedRunMetadata: content = .taggedRunMetadata
        case .metaGraphDef: content = .metaGraphDef
        }
    }

    /// The number in a `brain.Event:<n>` file version, as TensorBoard's Python loader reads it (the text after
    /// the last `brain.Event:`, spaces trimmed, as a float), or `nil` when it is not a number.
    static func fileVersionNumber(_ version: UnsafeRawBufferPointer) -> Double? {
        let marker = Array("brain.Event:".utf8)
        var start = 0
        var index = 0
        while index + marker.count <= version.count {
            if version[index..<(index + marker.count)].elementsEqual(marker) {
                index += marker.count
                start = index
            } else {
                index += 1
            }
        }
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }
        let rest = version[start...].drop(while: isSpace).reversed().drop(while: isSpace).reversed()
        return Double(String(decoding: rest, as: UTF8.self))
    }
}
