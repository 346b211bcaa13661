// SummaryWriter+StepConversion.swift: a step of any integer type as the Int64 an event stores.

extension SummaryWriter {
    /// `step` as an event's `Int64` step, exactly, so that a loop counter of any integer type (`Int`, `UInt`,
    /// `Int32`...) can be passed as it is.
    ///
    /// Inlinable so that, specialized for `Int` or `Int64`, the check is a comparison or nothing, and the
    /// generic write methods cost no more than the `Int64` ones they call.
    /// - Parameter step: The step.
    /// - Returns: The same step as `Int64`.
    /// - Throws: ``EventFileError/Code/stepOutOfRange(step:)`` when `step` is outside `Int64` (never a trap,
    ///   never another step).
    @inlinable
    func eventStep<Step: BinaryInteger>(_ step: Step) throws(EventFileError) -> Int64 {
        if let exact = Int64(exactly: step) { return exact }
        throw stepOutOfRange("\(step)")
    }

    /// The error for a step outside `Int64`, out of line so that the inlined check stays small.
    /// - Parameter step: The step as decimal text.
    @usableFromInline
    func stepOutOfRange(_ step: String) -> EventFileError {
        EventFileError(.stepOutOfRange(step: step), path: filePath)
    }
}
