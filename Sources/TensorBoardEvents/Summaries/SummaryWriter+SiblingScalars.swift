// SummaryWriter+SiblingScalars.swift: one tag's values in sibling runs, as PyTorch's `add_scalars`.

extension SummaryWriter {
    /// Logs one value per key under the same tag, each in its own sibling run, so that TensorBoard draws them
    /// as lines of one chart: PyTorch's `add_scalars(main_tag, {"train": a, "val": b}, step)`. The value of
    /// key `k` goes to run directory `<runDirectory>/<mainTag with "/" as "_">_<k>` under tag `mainTag`, all
    /// at one wall time.
    ///
    /// Each sibling run has one writer, made on first use with this writer's options and kept open until this
    /// writer closes (``flush()``, ``sync()`` and ``close()`` reach them too), so logging every step opens no
    /// new file. To log several tags of one run at a step, use ``scalars(_:step:wallTime:)-(KeyValuePairs<String,Double>,Int64,_)``.
    /// - Parameters:
    ///   - mainTag: The tag, and the start of the sibling runs' names.
    ///   - values: The value of each key (`Float` or `Double`; stored as the nearest `Float`, as `scalar` stores a `Double`).
    ///   - step: The step, of any integer type.
    ///   - wallTime: Seconds since the epoch; the current time by default, and in place of a non-finite value.
    /// - Throws: ``EventFileError`` when a sibling run cannot be created or written, or a step is out of range.
    public func siblingScalars<Value: BinaryFloatingPoint, Step: BinaryInteger>(
        _ mainTag: String,
        _ values: KeyValuePairs<String, Value>,
        step: Step,
        wallTime: Double? = nil
    ) throws(EventFileError) {
        let step = try eventStep(step)
        try refuseIfClosed()
        let time = Self.wallTime(wallTime)
        let prefix = runDirectory + "/" + mainTag.replacingSlashes() + "_"
        for (key, value) in values {
            let writer = try siblings.writer(for: prefix + key, options: options)
            try writer.scalar(mainTag, Float(value), step: step, wallTime: time)
        }
    }

    /// ``siblingScalars(_:_:step:wallTime:)`` with a dictionary, written in key order.
    public func siblingScalars<Value: BinaryFloatingPoint, Step: BinaryInteger>(
        _ mainTag: String,
        _ values: [String: Value],
        step: Step,
        wallTime: Double? = nil
    ) throws(EventFileError) {
        let step = try eventStep(step)
        try refuseIfClosed()
        let time = Self.wallTime(wallTime)
        let prefix = runDirectory + "/" + mainTag.replacingSlashes() + "_"
        for (key, value) in values.sorted(by: { $0.key < $1.key }) {
            let writer = try siblings.writer(for: prefix + key, options: options)
            try writer.scalar(mainTag, Float(value), step: step, wallTime: time)
        }
    }
}

extension SummaryWriter {
    /// Throws `.closed` once this writer is closed, so that no sibling run is made after it.
    fileprivate func refuseIfClosed() throws(EventFileError) {
        let isClosed = state.withLock { $0.file.isClosed }
        if isClosed { throw EventFileError(.closed, path: filePath) }
    }
}

extension String {
    /// The string with every `/` as `_`, as PyTorch names `add_scalars`' runs.
    fileprivate func replacingSlashes() -> String {
        String(unicodeScalars.map { $0 == "/" ? "_" : Character($0) })
    }
}
