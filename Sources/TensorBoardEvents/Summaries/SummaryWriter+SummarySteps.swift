// SummaryWriter+SummarySteps.swift: histograms, text and images at a step of any integer type.

// Each method here is an inlinable forwarder to the `Int64`-step method that does the work, adding only the
// step's range check.
extension SummaryWriter {
    /// Logs a histogram of raw values at a step of any integer type, as
    /// ``histogram(_:values:step:bucketCount:wallTime:)-(_,C,Int64,_,_)`` does.
    /// - Parameters:
    ///   - tag: The series name.
    ///   - values: The values (non-finite ones are left out).
    ///   - step: The step; it must fit in `Int64`.
    ///   - bucketCount: The number of buckets; 30 by default, as in TensorBoard.
    ///   - wallTime: Seconds since the epoch; the current time by default, and in place of a non-finite value.
    /// - Throws: ``EventFileError``: `.stepOutOfRange` (nothing written) for a step outside `Int64`, or as the
    ///   `Int64`-step method throws.
    @inlinable
    public func histogram<C: Collection, Step: BinaryInteger>(
        _ tag: String,
        values: C,
        step: Step,
        bucketCount: Int = 30,
        wallTime: Double? = nil
    ) throws(EventFileError) where C.Element: BinaryFloatingPoint {
        try histogram(tag, values: values, step: eventStep(step), bucketCount: bucketCount, wallTime: wallTime)
    }

    /// Logs a histogram from buckets already counted, at a step of any integer type, as
    /// ``histogram(_:buckets:step:wallTime:)-(_,_,Int64,_)`` does.
    /// - Parameters:
    ///   - tag: The series name.
    ///   - buckets: The buckets, left to right.
    ///   - step: The step; it must fit in `Int64`.
    ///   - wallTime: Seconds since the epoch; the current time by default, and in place of a non-finite value.
    /// - Throws: ``EventFileError``: `.stepOutOfRange` (nothing written) for a step outside `Int64`, or as the
    ///   `Int64`-step method throws.
    @inlinable
    public func histogram<Step: BinaryInteger>(
        _ tag: String,
        buckets: [HistogramBucket],
        step: Step,
        wallTime: Double? = nil
    ) throws(EventFileError) {
        try histogram(tag, buckets: buckets, step: eventStep(step), wallTime: wallTime)
    }

    /// Logs Markdown text at a step of any integer type, as ``text(_:_:step:wallTime:)-(_,_,Int64,_)`` does.
    /// - Parameters:
    ///   - tag: The series name.
    ///   - markdown: The text.
    ///   - step: The step; it must fit in `Int64`.
    ///   - wallTime: Seconds since the epoch; the current time by default, and in place of a non-finite value.
    /// - Throws: ``EventFileError``: `.stepOutOfRange` (nothing written) for a step outside `Int64`, or when a
    ///   flush fails or the writer is closed.
    @inlinable
    public func text<Step: BinaryInteger>(
        _ tag: String,
        _ markdown: String,
        step: Step,
        wallTime: Double? = nil
    ) throws(EventFileError) {
        try text(tag, markdown, step: eventStep(step), wallTime: wallTime)
    }

    /// Logs one image at a step of any integer type, as ``image(_:_:step:wallTime:)-(_,_,Int64,_)`` does.
    /// - Parameters:
    ///   - tag: The series name.
    ///   - image: The pixels.
    ///   - step: The step; it must fit in `Int64`.
    ///   - wallTime: Seconds since the epoch; the current time by default, and in place of a non-finite value.
    /// - Throws: ``EventFileError``: `.stepOutOfRange` (nothing written) for a step outside `Int64`, or when a
    ///   flush fails or the writer is closed.
    @inlinable
    public func image<Step: BinaryInteger>(
        _ tag: String,
        _ image: PixelImage,
        step: Step,
        wallTime: Double? = nil
    ) throws(EventFileError) {
        try self.image(tag, image, step: eventStep(step), wallTime: wallTime)
    }

    /// Logs several images at a step of any integer type, as ``images(_:_:step:wallTime:)-(_,_,Int64,_)`` does.
    /// - Parameters:
    ///   - tag: The series name.
    ///   - images: The images.
    ///   - step: The step; it must fit in `Int64`.
    ///   - wallTime: Seconds since the epoch; the current time by default, and in place of a non-finite value.
    /// - Throws: ``EventFileError``: `.stepOutOfRange` (nothing written) for a step outside `Int64`, or when a
    ///   flush fails or the writer is closed.
    @inlinable
    public func images<Step: BinaryInteger>(
        _ tag: String,
        _ images: [PixelImage],
        step: Step,
        wallTime: Double? = nil
    ) throws(EventFileError) {
        try self.images(tag, images, step: eventStep(step), wallTime: wallTime)
    }
}
