// SummaryWriter+Describe.swift: a tag's display name and description, for every kind.

extension SummaryWriter {
    /// Gives a tag a display name and a Markdown description, which TensorBoard shows with its chart (the
    /// description behind the chart's info icon). They go into the metadata of the tag's first value in this
    /// writer's file, so call this before the tag's first value; it works for every kind (scalars in either
    /// encoding, histograms, text, images, audio, PR curves).
    /// - Parameters:
    ///   - tag: The series name.
    ///   - displayName: The name to show in place of the tag; empty (the default) shows the tag.
    ///   - description: Markdown shown with the chart.
    /// - Throws: ``EventFileError``: `.invalidSummary` when the tag's first value is already in the file (its
    ///   metadata cannot change), or `.closed`.
    public func describe(_ tag: String, displayName: String = "", description: String) throws(EventFileError) {
        let path = filePath
        try state.withLock { state throws(EventFileError) in
            guard !state.file.isClosed else { throw EventFileError(.closed, path: path) }
            let index = state.tags.index(of: tag)
            guard !state.tags.isDescribed[index] else {
                throw EventFileError(
                    .invalidSummary(reason: "\(tag) already has its first value in this file; describe it before"),
                    path: path
                )
            }
            state.tags.annotate(index, displayName: displayName, description: description)
        }
    }
}
