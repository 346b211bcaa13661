// SummaryWriter+ScalarSteps.swift: scalars at a step of any integer type, and scalars given as integers.

// Each method here is an inlinable forwarder to the `Int64`-step method of SummaryWriter+Scalars.swift, which
// does the work: specialized in the caller, the forwarder adds only the step's range check.
extension SummaryWriter {
    /// Logs a `Float` scalar at a step of any integer type, as ``scalar(_:_:step:wallTime:)-(_,Float,Int64,_)``
    /// does: `try writer.scalar("loss", loss, step: epoch)` with `epoch` an `Int`.
    /// - Parameters:
    ///   - tag: The series name.
    ///   - value: The value, stored exactly.
    ///   - step: The step; it must fit in `Int64`.
    ///   - wallTime: Seconds since the epoch; the current time by default, and in place of a non-finite value.
    /// - Throws: ``EventFileError``: `.stepOutOfRange` (nothing written) for a step outside `Int64`, or when a
    ///   flush fails or the writer is closed.
    @inlinable
    public func scalar<Step: BinaryInteger>(
        _ tag: String,
        _ value: Float,
        step: Step,
        wallTime: Double? = nil
    ) throws(EventFileError) {
        try scalar(tag, value, step: eventStep(step), wallTime: wallTime)
    }

    /// Logs a `Double` scalar at a step of any integer type, stored as the nearest `Float`, as
    /// ``scalar(_:_:step:wallTime:)-(_,Double,Int64,_)`` does.
    /// - Parameters:
    ///   - tag: The series name.
    ///   - value: The value.
    ///   - step: The step; it must fit in `Int64`.
    ///   - wallTime: Seconds since the epoch; the current time by default, and in place of a non-finite value.
    /// - Throws: ``EventFileError``: `.stepOutOfRange` (nothing written) for a step outside `Int64`, or when a
    ///   flush fails or the writer is closed.
    @inlinable
    public func scalar<Step: BinaryInteger>(
        _ tag: String,
        _ value: Double,
        step: Step,
        wallTime: Double? = nil
    ) throws(EventFileError) {
        try scalar(tag, value, step: eventStep(step), wallTime: wallTime)
    }

    /// Logs an integer scalar (a count, an epoch number), stored as the nearest `Float`, which is exact up to
    /// 2^24 in magnitude: PyTorch's `add_scalar` also writes integers as a 32-bit float, and a 32-bit float is
    /// what TensorBoard keeps of any scalar, so its charts show the value as they show any other.
    /// - Parameters:
    ///   - tag: The series name.
    ///   - value: The value.
    ///   - step: The step; it must fit in `Int64`.
    ///   - wallTime: Seconds since the epoch; the current time by default, and in place of a non-finite value.
    /// - Throws: ``EventFileError``: `.stepOutOfRange` (nothing written) for a step outside `Int64`, or when a
    ///   flush fails or the writer is closed.
    @inlinable
    public func scalar<Value: BinaryInteger, Step: BinaryInteger>(
        _ tag: String,
        _ value: Value,
        step: Step,
        wallTime: Double? = nil
    ) throws(EventFileError) {
        try scalar(tag, Float(value), step: eventStep(step), wallTime: wallTime)
    }

    /// Logs several `Double` scalars at a step of any integer type, as
    /// ``scalars(_:step:wallTime:)-(KeyValuePairs<String,Double>,Int64,_)`` does.
    /// - Parameters:
    ///   - values: The values by tag, in the order given; each is stored as the nearest `Float`.
    ///   - step: The step of every value; it must fit in `Int64`.
    ///   - wallTime: Seconds since the epoch; the current time by default, and in place of a non-finite value.
    /// - Throws: ``EventFileError``: `.stepOutOfRange` (nothing written) for a step outside `Int64`, or when a
    ///   flush fails or the writer is closed.
    @inlinable
    public func scalars<Step: BinaryInteger>(
        _ values: KeyValuePairs<String, Double>,
        step: Step,
        wallTime: Double? = nil
    ) throws(EventFileError) {
        try scalars(values, step: eventStep(step), wallTime: wallTime)
    }

    /// Logs several `Double` scalars at a step of any integer type, in the dictionary's order:
    /// `try writer.scalars(["loss": loss, "accuracy": accuracy], step: epoch)`.
    /// - Parameters:
    ///   - values: The values by tag; each is stored as the nearest `Float`.
    ///   - step: The step of every value; it must fit in `Int64`.
    ///   - wallTime: Seconds since the epoch; the current time by default, and in place of a non-finite value.
    /// - Throws: ``EventFileError``: `.stepOutOfRange` (nothing written) for a step outside `Int64`, or when a
    ///   flush fails or the writer is closed.
    @inlinable
    public func scalars<Step: BinaryInteger>(
        _ values: [String: Double],
        step: Step,
        wallTime: Double? = nil
    ) throws(EventFileError) {
        try scalars(values, step: eventStep(step), wallTime: wallTime)
    }

    /// Logs several `Float` scalars at a step of any integer type, in the order given, each exactly.
    /// - Parameters:
    ///   - values: The values by tag.
    ///   - step: The step of every value; it must fit in `Int64`.
    ///   - wallTime: Seconds since the epoch; the current time by default, and in place of a non-finite value.
    /// - Throws: ``EventFileError``: `.stepOutOfRange` (nothing written) for a step outside `Int64`, or when a
    ///   flush fails or the writer is closed.
    @inlinable
    public func scalars<Step: BinaryInteger>(
        _ values: KeyValuePairs<String, Float>,
        step: Step,
        wallTime: Double? = nil
    ) throws(EventFileError) {
        try scalars(values, step: eventStep(step), wallTime: wallTime)
    }

    /// Logs several `Float` scalars at a step of any integer type, in the dictionary's order, each exactly:
    /// `try writer.scalars(["loss": loss, "accuracy": accuracy], step: epoch)` with `Float` variables.
    /// - Parameters:
    ///   - values: The values by tag.
    ///   - step: The step of every value; it must fit in `Int64`.
    ///   - wallTime: Seconds since the epoch; the current time by default, and in place of a non-finite value.
    /// - Throws: ``EventFileError``: `.stepOutOfRange` (nothing written) for a step outside `Int64`, or when a
    ///   flush fails or the writer is closed.
    @inlinable
    public func scalars<Step: BinaryInteger>(
        _ values: [String: Float],
        step: Step,
        wallTime: Double? = nil
    ) throws(EventFileError) {
        try scalars(values, step: eventStep(step), wallTime: wallTime)
    }
}
