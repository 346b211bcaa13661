// RunDecoder+Scalars.swift: the allocation-free path for reading scalar points, the hot loop of every reader.

extension RunDecoder {
    /// Decodes only the scalar points of one record's payload, without allocating: each point names its
    /// series by index (``tag(ofSeries:)`` gives the tag). Points of other kinds are skipped by length, and so
    /// are scalar series the filter does not ask for.
    ///
    /// An event of one scalar of a series already known, laid out as scalar writers lay it out, is read by the
    /// fast matcher (``ScalarEventMatcher``); every other event goes through the general decoder, which gives
    /// the same points (tested, and checked by the fuzzer).
    /// - Parameters:
    ///   - payload: A record's payload.
    ///   - body: Receives the scalar points.
    /// - Returns: What the event was, as ``decode(_:_:)`` reports it (restart purging needs it).
    /// - Throws: ``WireDecodingError`` when the payload is not a valid event.
    @discardableResult
    public mutating func decodeScalars(
        _ payload: UnsafeRawBufferPointer,
        _ body: (ScalarPoint) -> Void
    ) throws(WireDecodingError) -> EventHeader {
        if let match = ScalarEventMatcher.match(payload) {
            let index = seriesTable.index(of: match.tag)
            if seriesTable.isSettledWantedScalar[index] {
                body(
                    ScalarPoint(
                        seriesIndex: index,
                        step: match.step,
                        wallTime: match.wallTime,
                        value: Double(match.value)
                    )
                )
                return EventHeader(wallTime: match.wallTime, step: match.step, content: .summary(valueCount: 1))
            }
        }
        return try decodeValues(payload) { series, kind, value, view throws(WireDecodingError) in
            guard kind == .scalar, let number = try Self.scalarNumber(of: value) else { return }
            body(ScalarPoint(seriesIndex: series.index, step: view.step, wallTime: view.wallTime, value: number))
        }
    }
}
