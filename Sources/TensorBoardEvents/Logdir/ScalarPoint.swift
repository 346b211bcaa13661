// ScalarPoint.swift: a scalar point named by its series index, as the allocation-free decoder gives it.

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
