// PurgePlan.swift: which points of a run TensorBoard drops on restarts, decided in one pass so a second pass
// can stream the kept points.

/// The points of one run that TensorBoard's restart rules drop (see ``RestartPurge``), computed from a first
/// reading pass that only remembers the few events that purge something, so that a second pass can stream the
/// kept points without holding the run in memory.
///
/// Pass 1: call ``observe(_:tags:recordIndex:)`` (or, with a ``RunDecoder``'s series indices, the faster
/// ``observe(_:seriesIndices:tagOfSeries:recordIndex:)``; use one or the other for a run) for every record in
/// reading order (files in name order), then ``finish()``. Pass 2: ``isPurged(tag:step:recordIndex:)`` says whether a point is dropped: when an event
/// after it (a later point of its series at a step not above its own, a restart START at or below its step, or
/// an out-of-order summary event carrying its tag) purges it.
public struct PurgePlan: Sendable {
    private struct Purge: Sendable {
        var recordIndex: Int
        var step: Int64
    }

    /// The rules applied.
    public let rules: RestartPurge.Rules
    private var restart: RestartPurge
    /// The highest step seen so far by series index, and the index given to each tag by the tag-based observe.
    private var highestStep: [Int64?] = []
    private var seriesOfTag: [String: Int] = [:]
    private var byTag: [String: [Purge]] = [:]
    private var global: [Purge] = []
    // After finish(): each list's suffix minima of the step, by position.
    private var byTagMinima: [String: [Int64]] = [:]
    private var globalMinima: [Int64] = []

    /// Creates an empty plan.
    /// - Parameter rules: Which loaders' rules to apply; both by default.
    public init(rules: RestartPurge.Rules = .tensorBoard) {
        self.rules = rules
        self.restart = RestartPurge(rules: rules.subtracting(.rustLoader))
    }

    /// Whether nothing is purged (known after ``finish()``).
    public var isEmpty: Bool { byTag.isEmpty && global.isEmpty }

    /// Takes one record into account (pass 1).
    /// - Parameters:
    ///   - header: The event's header.
    ///   - tags: The tags of its summary values.
    ///   - recordIndex: The record's position in the run's reading order.
    public mutating func observe(_ header: EventHeader, tags: [String], recordIndex: Int) {
        var indices: [Int] = []
        indices.reserveCapacity(tags.count)
        var tagOfIndex: [Int: String] = [:]
        for tag in tags {
            let index: Int
            if let known = seriesOfTag[tag] {
                index = known
            } else {
                index = seriesOfTag.count
                seriesOfTag[tag] = index
            }
            indices.append(index)
            tagOfIndex[index] = tag
        }
        observe(header, seriesIndices: indices, tagOfSeries: { tagOfIndex[$0] ?? "" }, recordIndex: recordIndex)
    }

    /// Takes one record into account (pass 1), its series named by index (as ``ScalarPoint/seriesIndex``), with
    /// no allocation or hashing per point unless something is purged.
    /// - Parameters:
    ///   - header: The event's header.
    ///   - seriesIndices: The series indices of its summary values (the same index for the same tag in a run).
    ///   - tagOfSeries: The tag of a series index (asked only when a purge concerns it).
    ///   - recordIndex: The record's position in the run's reading order.
    public mutating func observe(
        _ header: EventHeader,
        seriesIndices: [Int],
        tagOfSeries: (Int) -> String,
        recordIndex: Int
    ) {
        for purge in restart.purges(before: header, lazyTags: { seriesIndices.map(tagOfSeries) }) {
            if let purgeTags = purge.tags {
                for tag in purgeTags {
                    byTag[tag, default: []].append(Purge(recordIndex: recordIndex, step: purge.step))
                }
            } else {
                global.append(Purge(recordIndex: recordIndex, step: purge.step))
            }
        }
        guard rules.contains(.rustLoader), case .summary = header.content else { return }
        for index in seriesIndices {
            if index >= highestStep.count {
                highestStep.append(contentsOf: repeatElement(nil, count: index - highestStep.count + 1))
            }
            if let highest = highestStep[index], header.step <= highest {
                byTag[tagOfSeries(index), default: []].append(Purge(recordIndex: recordIndex, step: header.step))
            } else {
                highestStep[index] = header.step
            }
        }
    }

    /// Ends pass 1.
    public mutating func finish() {
        byTagMinima = byTag.mapValues(Self.suffixMinima)
        globalMinima = Self.suffixMinima(global)
        highestStep = []
        seriesOfTag = [:]
    }

    /// Whether the point of `tag` at `step`, from record `recordIndex`, is purged (pass 2).
    public func isPurged(tag: String, step: Int64, recordIndex: Int) -> Bool {
        if let minimum = Self.minimumStep(after: recordIndex, in: global, minima: globalMinima), minimum <= step {
            return true
        }
        if let purges = byTag[tag], let minima = byTagMinima[tag],
            let minimum = Self.minimumStep(after: recordIndex, in: purges, minima: minima), minimum <= step
        {
            return true
        }
        return false
    }

    private static func suffixMinima(_ purges: [Purge]) -> [Int64] {
        var minima = [Int64](repeating: .max, count: purges.count)
        var running = Int64.max
        for index in purges.indices.reversed() {
            running = min(running, purges[index].step)
            minima[index] = running
        }
        return minima
    }

    /// The lowest purge step among purges from records after `recordIndex`.
    private static func minimumStep(after recordIndex: Int, in purges: [Purge], minima: [Int64]) -> Int64? {
        var low = 0
        var high = purges.count
        while low < high {
            let middle = (low + high) / 2
            if purges[middle].recordIndex <= recordIndex { low = middle + 1 } else { high = middle }
        }
        return low < purges.count ? minima[low] : nil
    }
}
