// SummaryWriter+Histograms.swift: histogram summaries as TensorBoard's modern `[k, 3]` tensors.

extension SummaryWriter {
    /// Logs a histogram of raw values, bucketed as TensorBoard's own histogram summary buckets them.
    /// - Parameters:
    ///   - tag: The series name, such as `"dense/kernel/histogram"`.
    ///   - values: The values (non-finite ones are left out; see ``HistogramBuckets``).
    ///   - step: The step.
    ///   - bucketCount: The number of buckets; 30 by default, as in TensorBoard.
    ///   - wallTime: Seconds since the epoch; the current time by default, and in place of a non-finite value.
    /// - Throws: ``EventFileError`` when a flush fails or the writer is closed.
    public func histogram<C: Collection>(
        _ tag: String,
        values: C,
        step: Int64,
        bucketCount: Int = 30,
        wallTime: Double? = nil
    ) throws(EventFileError) where C.Element: BinaryFloatingPoint {
        try histogram(
            tag,
            buckets: HistogramBuckets.make(values: values, bucketCount: bucketCount),
            step: step,
            wallTime: wallTime
        )
    }

    /// Logs a histogram from buckets already counted.
    /// - Parameters:
    ///   - tag: The series name.
    ///   - buckets: The buckets, left to right.
    ///   - step: The step.
    ///   - wallTime: Seconds since the epoch; the current time by default, and in place of a non-finite value.
    /// - Throws: ``EventFileError`` when a flush fails or the writer is closed.
    public func histogram(
        _ tag: String,
        buckets: [HistogramBucket],
        step: Int64,
        wallTime: Double? = nil
    ) throws(EventFileError) {
        try append(
            tag: tag,
            kind: .tensor(Self.histogramTensor(buckets)),
            metadata: .histograms,
            step: step,
            wallTime: wallTime
        )
    }

    /// The DT_DOUBLE `[k, 3]` tensor of (left edge, right edge, count) rows, in `tensor_content` as TF2 writes it.
    static func histogramTensor(_ buckets: [HistogramBucket]) -> TensorProto {
        var tensor = TensorProto(dataType: .double, shape: TensorShapeProto([Int64(buckets.count), 3]))
        var content: [UInt8] = []
        content.reserveCapacity(buckets.count * 24)
        for bucket in buckets {
            for value in [bucket.leftEdge, bucket.rightEdge, bucket.count] {
                withUnsafeBytes(of: value.bitPattern.littleEndian) { content.append(contentsOf: $0) }
            }
        }
        tensor.tensorContent = content
        return tensor
    }
}
