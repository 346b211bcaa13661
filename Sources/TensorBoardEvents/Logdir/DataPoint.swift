// DataPoint.swift: one decoded point of a series.

/// One point of a series: a tag's value at a step.
public struct DataPoint: Sendable, Equatable {
    /// The tag.
    public var tag: String
    /// The step.
    public var step: Int64
    /// Seconds since the epoch.
    public var wallTime: Double
    /// The value.
    public var value: DataValue

    /// Creates a point.
    /// - Parameters:
    ///   - tag: The tag.
    ///   - step: The step.
    ///   - wallTime: Seconds since the epoch.
    ///   - value: The value.
    public init(tag: String, step: Int64, wallTime: Double, value: DataValue) {
        self.tag = tag
        self.step = step
        self.wallTime = wallTime
        self.value = value
    }
}
