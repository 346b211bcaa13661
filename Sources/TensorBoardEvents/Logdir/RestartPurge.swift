// RestartPurge.swift: which points TensorBoard drops when a run restarts or its steps go backwards.

/// TensorBoard's rules for "orphaned" points: when training restarts from an earlier step, the points the
/// interrupted attempt logged at that step and later are dropped. Feed it a run's events in reading order
/// (files in name order); it says what to drop before each event's points are added.
///
/// - ``Rules/rustLoader`` (the loader `tensorboard --logdir` runs by default, and so what its pages show): a
///   new point of a series drops every point of that series whose step is at or above the new point's step.
///   Session logs are ignored.
/// - ``Rules/pythonLoader`` (`tensorboard --load_fast=false`, its `plugin_event_accumulator`): with file version
///   2 or later, every `SessionLog` START but the run's first drops the points of every series at or above its
///   step; with no file version (or one below 2), a summary event whose step is below the previous summary
///   event's step drops, for the tags it carries, the points at or above its step.
///
/// TensorBoard's `--load_fast=auto` (its default) runs the Rust loader whenever the `tensorboard-data-server`
/// package has a binary for the platform (Linux x86_64 and macOS among them), so ``Rules/rustLoader`` is the
/// default here. The older `event_accumulator.EventAccumulator`, which tbparse runs on each file alone, differs
/// from ``Rules/pythonLoader`` in two details: every START purges (the first too), and a step is compared with
/// the last in-order event's of any kind.
/// ``SummaryWriter``'s `resumeStep` writes two STARTs at the resume step, and its `resumesByTag` a file of
/// version 1 with a marker before each tag's first event, so the two loaders agree on its runs.
public struct RestartPurge: Sendable {
    /// Which loader's rules to apply.
    public struct Rules: OptionSet, Sendable {
        /// The raw value.
        public let rawValue: Int
        /// Creates rules from a raw value.
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// TensorBoard's default (Rust) loader: a series' new point drops its points at or above that step.
        public static let rustLoader = Rules(rawValue: 1)
        /// TensorBoard's Python loader: restarts marked by SessionLog START, or steps going backwards.
        public static let pythonLoader = Rules(rawValue: 2)
        /// Both rules: the points that both loaders keep.
        public static let both: Rules = [.rustLoader, .pythonLoader]
    }

    /// Points to drop: those of the given tags (every tag when `nil`) whose step is at least `step`.
    public struct Purge: Sendable, Equatable {
        /// The tags concerned, or `nil` for every tag of the run.
        public var tags: [String]?
        /// Points at this step or later are dropped.
        public var step: Int64

        /// Creates a purge.
        /// - Parameters:
        ///   - tags: The tags concerned, or `nil` for all.
        ///   - step: The first step dropped.
        public init(tags: [String]?, step: Int64) {
            self.tags = tags
            self.step = step
        }
    }

    /// The rules applied.
    public let rules: Rules
    /// Whether the last file version read was 2 or later (the Python loader then marks restarts with session
    /// log STARTs, and otherwise with steps going backwards).
    @usableFromInline var marksRestartsWithSessionLogs = false
    private var seenSessionStart = false
    @usableFromInline var mostRecentSummaryStep: Int64 = -1

    /// Creates the purge state for one run.
    /// - Parameter rules: Which loader's rules to apply; the Rust loader's (TensorBoard's default) by default.
    public init(rules: Rules = .rustLoader) {
        self.rules = rules
    }

    /// The purges to apply before adding the points of an event.
    /// - Parameters:
    ///   - event: The event's header.
    ///   - tags: The tags of the event's summary values (in any order; repeats allowed).
    /// - Returns: The purges, in order; the Rust loader's rule adds one per tag.
    public mutating func purges(before event: EventHeader, tags: [String]) -> [Purge] {
        purges(before: event, lazyTags: { tags })
    }

    /// ``purges(before:tags:)`` asking for the event's tags only when a purge needs them (rarely).
    mutating func purges(before event: EventHeader, lazyTags tags: () -> [String]) -> [Purge] {
        let (purges, ownTagsFrom) = separatePurges(before: event, lazyTags: tags)
        guard let step = ownTagsFrom else { return purges }
        let ownTags = tags()
        return ownTags.isEmpty ? purges : purges + [Purge(tags: ownTags, step: step)]
    }

    /// ``purges(before:lazyTags:)`` with the Rust loader's purge kept apart: the purges of the Python loader's
    /// rules, and the step at or above which the Rust loader's rule drops the points of the event's own tags
    /// (`nil` when it does not apply). It applies to every summary event, so a caller holding the points by tag
    /// applies it with the lookup that finds each tag's points, instead of through a list of tags.
    mutating func separatePurges(
        before event: EventHeader,
        lazyTags tags: () -> [String]
    ) -> (purges: [Purge], ownTagsFrom: Int64?) {
        var purges: [Purge] = []
        let effect = advance(past: event)
        if let step = effect.everyTag { purges.append(Purge(tags: nil, step: step)) }
        if let step = effect.ownTags { purges.append(Purge(tags: tags(), step: step)) }
        guard rules.contains(.rustLoader), case .summary = event.content else { return (purges, nil) }
        return (purges, event.step)
    }

    /// Whether the Python loader's out-of-order rule is in force for the next event (its rules are applied and
    /// no file version of 2 or later has been seen): only then can a summary event purge its own tags.
    @usableFromInline var purgesOutOfOrderSteps: Bool { rules.contains(.pythonLoader) && !marksRestartsWithSessionLogs }

    /// Moves the Python loader's state past an event, returning what the event purges under that loader's rule
    /// (nothing when the rule is not applied): the first step purged for every tag, and the first step purged for
    /// the event's own tags.
    @inlinable
    mutating func advance(past event: EventHeader) -> (everyTag: Int64?, ownTags: Int64?) {
        // The commonest event, a summary in a file of version 2, purges nothing (whichever the rules).
        if marksRestartsWithSessionLogs, case .summary = event.content {
            mostRecentSummaryStep = event.step
            return (nil, nil)
        }
        return advanceInGeneral(past: event)
    }

    @usableFromInline
    mutating func advanceInGeneral(past event: EventHeader) -> (everyTag: Int64?, ownTags: Int64?) {
        var effect: (everyTag: Int64?, ownTags: Int64?) = (nil, nil)
        let isSummary: Bool
        switch event.content {
        case .summary: isSummary = true
        case .fileVersion(let number):
            isSummary = false
            if let number, number != 0, number >= 2 {
                marksRestartsWithSessionLogs = true
            } else {
                marksRestartsWithSessionLogs = false
            }
        default: isSummary = false
        }
        guard rules.contains(.pythonLoader) else { return effect }
        if marksRestartsWithSessionLogs {
            if case .sessionLog(let status) = event.content, status == .start {
                if seenSessionStart { effect.everyTag = event.step }
                seenSessionStart = true
            }
        } else if isSummary, event.step < mostRecentSummaryStep {
            effect.ownTags = event.step
        }
        if isSummary { mostRecentSummaryStep = event.step }
        return effect
    }
}
