// SummaryWriter+Text.swift: Markdown text summaries.

extension SummaryWriter {
    /// Logs Markdown text, shown by TensorBoard's Text dashboard (a rank-0 DT_STRING tensor, plugin `text`).
    /// - Parameters:
    ///   - tag: The series name.
    ///   - markdown: The text.
    ///   - step: The step.
    ///   - wallTime: Seconds since the epoch; the current time by default, and in place of a non-finite value.
    /// - Throws: ``EventFileError`` when a flush fails or the writer is closed.
    public func text(_ tag: String, _ markdown: String, step: Int64, wallTime: Double? = nil) throws(EventFileError) {
        let tensor = TensorProto.strings([Array(markdown.utf8)], shape: [])
        try append(tag: tag, kind: .tensor(tensor), metadata: .text, step: step, wallTime: wallTime)
    }
}
