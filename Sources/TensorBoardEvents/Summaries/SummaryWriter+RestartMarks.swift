// SummaryWriter+RestartMarks.swift: the marker events of a writer that resumes an interrupted run tag by tag.

extension SummaryWriter {
    /// Prepares a summary event at `step` holding the tags at `indices`, for a writer that resumes by tag
    /// (``Options/resumesByTag``): when one of them has no value in this file yet and the event's step would not
    /// go backwards, first writes an empty summary event at `step + 1`. TensorBoard's Python loader, reading a
    /// file of version 1, then sees the event's step go below the previous summary event's and drops the
    /// event's tags' points at or above `step`: the interrupted attempt's stale points. Then records the tags as
    /// written and `step` as the last summary step.
    /// - Parameters:
    ///   - indices: The event's tags, as ``SeriesTags`` indices.
    ///   - step: The event's step.
    ///   - wallTime: The event's wall time, also the marker's.
    ///   - file: The file.
    ///   - tags: The writer's tags.
    /// - Throws: ``EventFileError`` when a flush fails.
    static func markRestart(
        tags indices: some Sequence<Int>,
        step: Int64,
        wallTime: Double,
        _ file: inout EventFileWriter,
        _ tags: inout SeriesTags
    ) throws(EventFileError) {
        var hasNewTag = false
        for index in indices where !tags.isWritten[index] {
            tags.isWritten[index] = true
            hasNewTag = true
        }
        let goesBack = tags.lastSummaryStep.map { step < $0 } ?? false
        if hasNewTag, !goesBack, step < .max {
            try file.append(Event(wallTime: wallTime, step: step + 1, content: .summary(Summary(values: []))))
        }
        tags.lastSummaryStep = step
    }
}
