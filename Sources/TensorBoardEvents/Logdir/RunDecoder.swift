// RunDecoder.swift: turns the records of one run into points, series by series.

/// Decodes the events of one run into ``DataPoint``s (or, allocation-free, into ``ScalarPoint``s), keeping track
/// of each series' kind and metadata.
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
    /// The series met so far, by the index the tag table gives their tags.
    var seriesTable = SeriesTable()
    /// The file version of the last file-version event seen, such as `"brain.Event:2"`.
    public internal(set) var fileVersion: String?

    /// Creates a decoder for one run.
    /// - Parameter filter: Which points to decode.
    public init(filter: Filter = .all) {
        self.filter = filter
    }

    /// The series seen so far whose kind is known, in order of first appearance.
    public var series: [SeriesInfo] { seriesTable.infos.compactMap { $0 } }

    /// The tag of the series with the given index (see ``ScalarPoint/seriesIndex``).
    public func tag(ofSeries index: Int) -> String { seriesTable.tags[index] }

    /// How many series (of every kind, wanted or not) have been seen: their indices are `0..<seriesCount`.
    public var seriesCount: Int { seriesTable.tags.count }

    /// Decodes one record's payload, calling `body` with each point it holds that the filter asks for.
    /// - Parameters:
    ///   - payload: A record's payload.
    ///   - body: Receives the points.
    /// - Returns: What the event was.
    /// - Throws: ``WireDecodingError`` when the payload is not a valid event.
    @discardableResult
    public mutating func decode(
        _ payload: UnsafeRawBufferPointer,
        _ body: (DataPoint) -> Void
    ) throws(WireDecodingError) -> EventHeader {
        try decodeValues(payload) { series, kind, value, view throws(WireDecodingError) in
            guard let decoded = try Self.decodeValue(value, as: kind) else { return }
            body(DataPoint(tag: series.tag, step: view.step, wallTime: view.wallTime, value: decoded))
        }
    }

    /// The general path of both decoders: calls `body` with the series (index and tag), kind and view of each
    /// value the filter asks for, and returns the event's header.
    mutating func decodeValues(
        _ payload: UnsafeRawBufferPointer,
        _ body: ((index: Int, tag: String), SeriesKind, ValueView, EventView) throws(WireDecodingError) -> Void
    ) throws(WireDecodingError) -> EventHeader {
        let view = try EventView(payload)
        var valueCount = 0
        if view.contentField == 3 { fileVersion = String(decoding: view.contentBytes, as: UTF8.self) }
        try view.forEachValue { value throws(WireDecodingError) in
            valueCount += 1
            guard let (index, kind) = try wantedSeries(of: value) else { return }
            try body((index, seriesTable.tags[index]), kind, value, view)
        }
        return try EventHeader(view: view, valueCount: valueCount)
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
        let index = seriesTable.index(of: tagBytes)
        if let kind = seriesTable.kinds[index], !(seriesTable.isProvisional[index] && value.metadata != nil) {
            return seriesTable.isWanted[index] ? (index, kind) : nil
        }
        let info: SeriesInfo
        var isProvisional = false
        if let established = try Self.seriesInfo(tag: seriesTable.tags[index], value: value) {
            info = established
        } else if case .tensor = value.kind {
            info = SeriesInfo(tag: seriesTable.tags[index], kind: .tensor, pluginName: "")
            isProvisional = true
        } else {
            return nil
        }
        let isWanted = (filter.kinds?.contains(info.kind) ?? true) && (filter.includesTag?(info.tag) ?? true)
        seriesTable.settle(index, info: info, isWanted: isWanted, isProvisional: isProvisional)
        return isWanted ? (index, info.kind) : nil
    }
}
