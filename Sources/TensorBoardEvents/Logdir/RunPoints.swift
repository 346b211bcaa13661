// RunPoints.swift: one run's points by tag, with TensorBoard's restart purging applied as events arrive.

/// The points of one run by tag, with TensorBoard's restart purging applied as events arrive.
public struct RunPoints: Sendable {
    /// The tags in order of their first point.
    public private(set) var tags: [String] = []
    /// The points of each tag, in reading order.
    public private(set) var pointsByTag: [String: [DataPoint]] = [:]
    /// How many points purges dropped.
    public private(set) var purgedCount = 0
    private var purge: RestartPurge?
    private var rules: RestartPurge.Rules? { purge?.rules }

    /// Creates an empty collection.
    /// - Parameter rules: The purge rules (the Rust loader's, TensorBoard's default, by default), or `nil` to
    ///   keep every point.
    public init(rules: RestartPurge.Rules? = .rustLoader) {
        purge = rules.map { RestartPurge(rules: $0) }
    }

    /// Adds an event's points, after the purges the event causes.
    /// - Parameters:
    ///   - event: The event's header.
    ///   - points: Its points (as ``RunDecoder/decode(_:_:)`` gave them).
    public mutating func add(_ event: EventHeader, points: [DataPoint]) {
        var ownTagsFrom: Int64?
        if purge != nil {
            let separated = purge?.separatePurges(before: event, lazyTags: { points.map(\.tag) })
            for purge in separated?.purges ?? [] { apply(purge) }
            ownTagsFrom = separated?.ownTagsFrom
        }
        // Each tag's points are found by one lookup per point and changed in place (through the dictionary's
        // values), never copied: a run's points are added by the million.
        if let step = ownTagsFrom {
            // The Rust loader's rule, for every tag of the event before any of its points is added (an event may
            // hold one tag twice). Its steps never go down, so the purged points are a suffix.
            for point in points {
                guard let index = pointsByTag.index(forKey: point.tag) else { continue }
                purgedCount += Self.remove(from: &pointsByTag.values[index], atOrAbove: step, sorted: true)
            }
        }
        for point in points {
            if let index = pointsByTag.index(forKey: point.tag) {
                pointsByTag.values[index].append(point)
            } else {
                tags.append(point.tag)
                pointsByTag[point.tag] = [point]
            }
        }
    }

    private mutating func apply(_ purge: RestartPurge.Purge) {
        // Under the Rust loader's rule every series is purged at its new point's step before the point is
        // added, so its steps never go down: the purged points are a suffix, removed in time proportional to
        // their number (each point is removed at most once). Otherwise a series can hold steps in any order.
        let stepsAreSorted = rules?.contains(.rustLoader) == true
        for tag in purge.tags ?? tags where pointsByTag[tag] != nil {
            // In place (through the dictionary's modify accessor), so that the array is never copied.
            purgedCount += Self.remove(
                from: &pointsByTag[tag, default: []],
                atOrAbove: purge.step,
                sorted: stepsAreSorted
            )
        }
    }

    /// Removes the points at `step` or above; returns how many there were.
    private static func remove(from points: inout [DataPoint], atOrAbove step: Int64, sorted: Bool) -> Int {
        let before = points.count
        if sorted {
            while let last = points.last, last.step >= step { points.removeLast() }
        } else {
            points.removeAll { $0.step >= step }
        }
        return before - points.count
    }
}
