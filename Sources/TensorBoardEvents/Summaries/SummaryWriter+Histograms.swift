// SummaryWriter+Histograms.swift: histogram summaries as TensorBoard's modern `[k, 3]` tensors.

extension SummaryWriter {
    /// Logs a histogram of raw values, bucketed as TensorBoard's own histogram summary buckets them.
    ///
    /// Any values give a histogram, never a trap or an error: NaN and infinite values are left out (PyTorch's
    /// and tensorboardX's `add_histogram` also leave them out of the buckets, and TensorBoard draws no bucket
    /// for them), and so the buckets of finite values near `±greatestFiniteMagnitude` have finite edges. With
    /// no finite value at all (no values, or only NaN and infinities) the buckets are all zeros, as
    /// TensorBoard's own summary writes for empty data, where PyTorch raises `ValueError` ("The histogram is
    /// empty"): a logging call does not stop a training run whose weights have diverged; the scalars show it.
    /// - Parameters:
    ///   - tag: The series name, such as `"dense/kernel/histogram"`.
    ///   - values: The values (non-finite ones are left out; see ``HistogramBuckets``).
    ///   - step: The step.
    ///   - bucketCount: The number of buckets; 30 by default, as in TensorBoard; 0 or fewer gives none.
    ///   - wallTime: Seconds since the epoch; the current time by default, and in place of a non-finite value.
    /// - Throws: ``EventFileError`` when a flush fails or the writer is closed, or `.recordTooLargeToWrite`
    ///   (before any bucket is counted) when `bucketCount` buckets would not fit in a record readers accept.
    public func histogram<C: Collection>(
        _ tag: String,
        values: C,
        step: Int64,
        bucketCount: Int = 30,
        wallTime: Double? = nil
    ) throws(EventFileError) where C.Element: BinaryFloatingPoint {
        // Each bucket takes 24 bytes of the tensor; refuse before allocating buckets no reader would take.
        let (bytes, overflow) = max(0, bucketCount).multipliedReportingOverflow(by: Self.bytesPerBucket)
        let limit = TFRecordFrame.defaultMaximumRecordLength
        if overflow || UInt64(bytes) > limit {
            throw EventFileError(
                .recordTooLargeToWrite(length: overflow ? UInt64.max : UInt64(bytes), maximum: limit),
                path: filePath
            )
        }
        try histogram(
            tag,
            buckets: HistogramBuckets.make(values: values, bucketCount: bucketCount),
            step: step,
            wallTime: wallTime
        )
    }

    /// Logs a histogram from buckets already counted, exactly as given: non-finite edges and counts are written
    /// as they are (and read back as they are), for TensorBoard to show as it can.
    /// - Parameters:
    ///   - tag: The series name.
    ///   - buckets: The buckets, left to right.
    ///   - step: The step.
    ///   - wallTime: Seconds since the epoch; the current time by default, and in place of a non-finite value.
    /// - Throws: ``EventFileError`` when a flush fails or the writer is closed, or `.recordTooLargeToWrite` when
    ///   the buckets would not fit in a record readers accept.
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

    /// The bytes a bucket takes in the tensor: three doubles.
    static let bytesPerBucket = 24

    /// The DT_DOUBLE `[k, 3]` tensor of (left edge, right edge, count) rows, in `tensor_content` as TF2 writes it.
    static func histogramTensor(_ buckets: [HistogramBucket]) -> TensorProto {
        var tensor = TensorProto(dataType: .double, shape: TensorShapeProto([Int64(buckets.count), 3]))
        var content: [UInt8] = []
        content.reserveCapacity(buckets.count * bytesPerBucket)
        for bucket in buckets {
            for value in [bucket.leftEdge, bucket.rightEdge, bucket.count] {
                withUnsafeBytes(of: value.bitPattern.littleEndian) { content.append(contentsOf: $0) }
            }
        }
        tensor.tensorContent = content
        return tensor
    }
}
