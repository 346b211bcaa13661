// SummaryWriter+Scalars.swift: scalar summaries, one at a time or a step's worth at once.

extension SummaryWriter {
    /// Logs a scalar.
    ///
    /// With ``ScalarEncoding/tensor`` (the default) the value is a rank-0 DT_FLOAT tensor with plugin `scalars`
    /// and data class SCALAR; with ``ScalarEncoding/simpleValue`` it is the legacy `simple_value`. Either way
    /// TensorBoard stores it as a 32-bit float, so both of its loaders return exactly `value`. (Doubles are not
    /// written: TensorBoard's default loader drops DT_DOUBLE scalars.)
    /// - Parameters:
    ///   - tag: The series name, such as `"loss"` or `"epoch_accuracy"`.
    ///   - value: The value; NaN and ±infinity are kept as they are.
    ///   - step: The step (any `Int64`, negative included).
    ///   - wallTime: Seconds since the epoch; the current time by default, and in place of a non-finite value.
    /// - Throws: ``EventFileError`` when a flush fails or the writer is closed.
    public func scalar(_ tag: String, _ value: Float, step: Int64, wallTime: Double? = nil) throws(EventFileError) {
        let asTensor = options.scalarEncoding == .tensor
        let resumesByTag = options.resumesByTag
        try withFile { file, tags, now throws(EventFileError) in
            try Self.append(
                tag,
                value,
                asTensor: asTensor,
                resumesByTag: resumesByTag,
                step: step,
                wallTime: Self.wallTime(wallTime, now: now),
                &file,
                &tags
            )
        }
    }

    /// Logs a scalar given as a `Double`, stored as the nearest `Float` (what TensorBoard keeps).
    /// - Parameters:
    ///   - tag: The series name.
    ///   - value: The value.
    ///   - step: The step.
    ///   - wallTime: Seconds since the epoch; the current time by default, and in place of a non-finite value.
    /// - Throws: ``EventFileError`` when a flush fails or the writer is closed.
    public func scalar(_ tag: String, _ value: Double, step: Int64, wallTime: Double? = nil) throws(EventFileError) {
        try scalar(tag, Float(value), step: step, wallTime: wallTime)
    }

    /// Logs several scalars at one step, in the order given: one event per tag, as
    /// ``scalar(_:_:step:wallTime:)-(_,Float,Int64,_)`` writes them, with the lock taken and the clock read once
    /// for all of them (what a training loop that logs its loss and metrics every step wants).
    /// - Parameters:
    ///   - values: The values by tag, for example `["loss": loss, "accuracy": accuracy]`; each is stored as the
    ///     nearest `Float`.
    ///   - step: The step of every value.
    ///   - wallTime: Seconds since the epoch; the current time by default, and in place of a non-finite value.
    /// - Throws: ``EventFileError`` when a flush fails or the writer is closed; the values before the failure
    ///   are buffered.
    public func scalars(
        _ values: KeyValuePairs<String, Double>,
        step: Int64,
        wallTime: Double? = nil
    ) throws(EventFileError) {
        try appendScalars(values.lazy.map { ($0.key, Float($0.value)) }, step: step, wallTime: wallTime)
    }

    /// Logs several scalars at one step, as ``scalars(_:step:wallTime:)-(KeyValuePairs<String,Double>,Int64,_)``
    /// does, in the dictionary's order.
    /// - Parameters:
    ///   - values: The values by tag; each is stored as the nearest `Float`.
    ///   - step: The step of every value.
    ///   - wallTime: Seconds since the epoch; the current time by default, and in place of a non-finite value.
    /// - Throws: ``EventFileError`` when a flush fails or the writer is closed.
    public func scalars(_ values: [String: Double], step: Int64, wallTime: Double? = nil) throws(EventFileError) {
        try appendScalars(values.lazy.map { ($0.key, Float($0.value)) }, step: step, wallTime: wallTime)
    }

    /// Logs several `Float` scalars at one step, in the order given, each exactly as given, as
    /// ``scalars(_:step:wallTime:)-(KeyValuePairs<String,Double>,Int64,_)`` does.
    /// - Parameters:
    ///   - values: The values by tag.
    ///   - step: The step of every value.
    ///   - wallTime: Seconds since the epoch; the current time by default, and in place of a non-finite value.
    /// - Throws: ``EventFileError`` when a flush fails or the writer is closed.
    public func scalars(
        _ values: KeyValuePairs<String, Float>,
        step: Int64,
        wallTime: Double? = nil
    ) throws(EventFileError) {
        try appendScalars(values.lazy.map { ($0.key, $0.value) }, step: step, wallTime: wallTime)
    }

    /// Logs several `Float` scalars at one step, each exactly as given, in the dictionary's order.
    /// - Parameters:
    ///   - values: The values by tag.
    ///   - step: The step of every value.
    ///   - wallTime: Seconds since the epoch; the current time by default, and in place of a non-finite value.
    /// - Throws: ``EventFileError`` when a flush fails or the writer is closed.
    public func scalars(_ values: [String: Float], step: Int64, wallTime: Double? = nil) throws(EventFileError) {
        try appendScalars(values.lazy.map { ($0.key, $0.value) }, step: step, wallTime: wallTime)
    }

    /// Appends a scalar event per value, in order, under one lock and with one clock reading.
    private func appendScalars(
        _ values: some Sequence<(String, Float)>,
        step: Int64,
        wallTime: Double?
    ) throws(EventFileError) {
        let asTensor = options.scalarEncoding == .tensor
        let resumesByTag = options.resumesByTag
        try withFile { file, tags, now throws(EventFileError) in
            let time = Self.wallTime(wallTime, now: now)
            for (tag, value) in values {
                try Self.append(
                    tag,
                    value,
                    asTensor: asTensor,
                    resumesByTag: resumesByTag,
                    step: step,
                    wallTime: time,
                    &file,
                    &tags
                )
            }
        }
    }

    /// Appends one scalar event, with the `scalars` plugin's metadata on a tensor tag's first value in the file
    /// (and on a simple value's first when the tag has a display name or description).
    private static func append(
        _ tag: String,
        _ value: Float,
        asTensor: Bool,
        resumesByTag: Bool,
        step: Int64,
        wallTime: Double,
        _ file: inout EventFileWriter,
        _ tags: inout SeriesTags
    ) throws(EventFileError) {
        let index = tags.index(of: tag)
        if resumesByTag {
            try markRestart(tags: CollectionOfOne(index), step: step, wallTime: wallTime, &file, &tags)
        }
        let describes = !tags.isDescribed[index] && (asTensor || tags.isAnnotated[index])
        if describes { tags.isDescribed[index] = true }
        let field = tags.field(index)
        if describes, tags.isAnnotated[index] {
            // A tag with a display name or a description has metadata of its own (on its first value only).
            var metadata = ProtoWriter(capacity: 64)
            tags.annotated(.scalars, index).encode(to: &metadata)
            try metadata.withUnsafeBytes { metadata throws(EventFileError) in
                try file.appendRecord { writer in
                    writer.writeScalarEvent(
                        tagField: field,
                        value: value,
                        asTensor: asTensor,
                        metadata: metadata,
                        step: step,
                        wallTime: wallTime
                    )
                }
            }
            return
        }
        let metadata = describes ? tags.scalarsMetadata : nil
        try file.appendRecord { writer in
            writer.writeScalarEvent(
                tagField: field,
                value: value,
                asTensor: asTensor,
                metadata: metadata,
                step: step,
                wallTime: wallTime
            )
        }
    }
}
