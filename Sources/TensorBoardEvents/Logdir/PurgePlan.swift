// PurgePlan.swift: which points of a run TensorBoard drops on restarts, decided in one pass so a second pass
// can stream the kept points.

/// The points of one run that TensorBoard's restart rules drop (see ``RestartPurge``), computed from a first
/// reading pass that only remembers the few events that purge something, so that a second pass can stream the
/// kept points without holding the run in memory.
///
/// Pass 1, for every record in reading order (files in name order), one of:
/// - by series index, the fast way with a ``RunDecoder``: ``observePoint(series:step:recordIndex:)`` for each
///   point of the record (a summary event), then ``observe(_:recordIndex:)`` for the record, and at the end
///   ``finish(tagOfSeries:)``;
/// - ``observe(_:tags:recordIndex:)`` or ``observe(_:seriesIndices:tagOfSeries:recordIndex:)``, then
///   ``finish()``.
///
/// Use one way for a run. Pass 2: ``isPurged(tag:step:recordIndex:)`` says whether a point is dropped: when an
/// event after it (a later point of its series at a step not above its own, a restart START at or below its
/// step, or an out-of-order summary event carrying its tag) purges it.
public struct PurgePlan: Sendable {
    /// The rules applied.
    public let rules: RestartPurge.Rules
    @usableFromInline let checksSeriesSteps: Bool
    @usableFromInline var restart: RestartPurge
    /// The highest step seen so far by series index, and the index given to each tag by the tag-based observe.
    @usableFromInline var highestStep: [Int64?] = []
    private var seriesOfTag: [String: Int] = [:]
    /// Purges by series index whose tags are not known yet.
    private var pending: [Int: PurgeSteps] = [:]
    /// The series of record `eventRecord`'s points, gathered only while an out-of-order step can purge them.
    private var eventSeries: [Int] = []
    private var eventRecord = -1
    private var byTag: [String: PurgeSteps] = [:]
    private var global = PurgeSteps()

    /// Creates an empty plan.
    /// - Parameter rules: Which loaders' rules to apply; the Rust loader's (TensorBoard's default) by default.
    public init(rules: RestartPurge.Rules = .rustLoader) {
        self.rules = rules
        self.checksSeriesSteps = rules.contains(.rustLoader)
        self.restart = RestartPurge(rules: rules.subtracting(.rustLoader))
    }

    /// Whether nothing is purged (known after ``finish()``).
    public var isEmpty: Bool { byTag.isEmpty && global.count == 0 }

    /// How many purges the plan holds (those that can decide a point; see ``PurgeSteps``).
    package var purgeCount: Int {
        byTag.values.reduce(global.count) { $0 + $1.count } + pending.values.reduce(0) { $0 + $1.count }
    }

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

    /// Takes one record into account (pass 1), its series named by index (as ``ScalarPoint/seriesIndex``).
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
        if case .summary = header.content {
            for index in seriesIndices { observePoint(series: index, step: header.step, recordIndex: recordIndex) }
        }
        observe(header, recordIndex: recordIndex)
        resolvePending(tagOfSeries)
    }

    /// Takes one point of a summary event into account (pass 1, by series index): call it for each point of the
    /// record before ``observe(_:recordIndex:)`` for the record. Costs a comparison and a store, unless the point
    /// purges something.
    /// - Parameters:
    ///   - series: The point's series index (the same index for the same tag in a run, as a ``RunDecoder`` gives).
    ///   - step: The event's step.
    ///   - recordIndex: The record's position in the run's reading order.
    @inlinable
    public mutating func observePoint(series index: Int, step: Int64, recordIndex: Int) {
        // Inlined into the reading loop: a series' step going up, the commonest case, is one comparison and a store.
        if checksSeriesSteps, !restart.purgesOutOfOrderSteps, index >= 0, index < highestStep.count,
            let highest = highestStep[index], step > highest
        {
            highestStep[index] = step
            return
        }
        observePointInGeneral(series: index, step: step, recordIndex: recordIndex)
    }

    @usableFromInline
    mutating func observePointInGeneral(series index: Int, step: Int64, recordIndex: Int) {
        if restart.purgesOutOfOrderSteps {
            if eventRecord != recordIndex {
                eventRecord = recordIndex
                eventSeries.removeAll(keepingCapacity: true)
            }
            eventSeries.append(index)
        }
        guard checksSeriesSteps else { return }
        if index < highestStep.count, let highest = highestStep[index] {
            if step <= highest {
                pending[index, default: PurgeSteps()].append(recordIndex: recordIndex, step: step)
            } else {
                highestStep[index] = step
            }
            return
        }
        if index >= highestStep.count {
            highestStep.append(contentsOf: repeatElement(nil, count: index - highestStep.count + 1))
        }
        highestStep[index] = step
    }

    /// Takes one record into account (pass 1, by series index) after its points
    /// (``observePoint(series:step:recordIndex:)``): file versions, session logs, steps going backwards.
    /// - Parameters:
    ///   - header: The event's header.
    ///   - recordIndex: The record's position in the run's reading order.
    @inlinable
    public mutating func observe(_ header: EventHeader, recordIndex: Int) {
        let effect = restart.advance(past: header)
        guard effect.everyTag != nil || effect.ownTags != nil else { return }
        apply(effect, recordIndex: recordIndex)
    }

    @usableFromInline
    mutating func apply(_ effect: (everyTag: Int64?, ownTags: Int64?), recordIndex: Int) {
        if let step = effect.everyTag {
            global.append(recordIndex: recordIndex, step: step)
        }
        if let step = effect.ownTags, eventRecord == recordIndex {
            for index in eventSeries {
                pending[index, default: PurgeSteps()].append(recordIndex: recordIndex, step: step)
            }
        }
    }

    /// Ends pass 1 by series index, naming the series that purges concern.
    /// - Parameter tagOfSeries: The tag of a series index.
    public mutating func finish(tagOfSeries: (Int) -> String) {
        resolvePending(tagOfSeries)
        finish()
    }

    private mutating func resolvePending(_ tagOfSeries: (Int) -> String) {
        guard !pending.isEmpty else { return }
        for (index, purges) in pending { byTag[tagOfSeries(index), default: PurgeSteps()].absorb(purges) }
        pending.removeAll(keepingCapacity: true)
    }

    /// Ends pass 1 (after ``observePoint(series:step:recordIndex:)``, call ``finish(tagOfSeries:)``).
    public mutating func finish() {
        precondition(pending.isEmpty, "PurgePlan: finish(tagOfSeries:) ends a pass by series index")
        highestStep = []
        seriesOfTag = [:]
        eventSeries = []
    }

    /// Whether the point of `tag` at `step`, from record `recordIndex`, is purged (pass 2).
    public func isPurged(tag: String, step: Int64, recordIndex: Int) -> Bool {
        if let lowest = global.lowestStep(after: recordIndex), lowest <= step { return true }
        if let lowest = byTag[tag]?.lowestStep(after: recordIndex), lowest <= step { return true }
        return false
    }
}
