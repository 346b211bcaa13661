// CSVLogger+Resume.swift: CSVLogger's rows in a backup.

extension CSVLogger: ResumableCallback {
    /// What a backup keeps of a ``CSVLogger``: the file's columns and rows, so that a resumed run rewrites the
    /// file with each finished epoch once (an interrupted attempt may have written rows after its last backup).
    public struct ResumeState: Codable, Sendable, Equatable {
        /// The header's columns, once the first epoch set them.
        public var columns: [String]?
        /// The rows, as the fields written.
        public var rows: [[String]]

        /// Creates a state.
        /// - Parameters:
        ///   - columns: The columns.
        ///   - rows: The rows.
        public init(columns: [String]? = nil, rows: [[String]] = []) {
            self.columns = columns
            self.rows = rows
        }
    }

    /// The columns and rows so far.
    public func resumeState(context: TrainingContext) throws(TrainingError) -> ResumeState {
        ResumeState(columns: columns, rows: rows)
    }

    /// Makes the next `trainingWillBegin` rewrite the file with `state`'s header and rows, then append.
    public func resume(from state: ResumeState, context: TrainingContext) throws(TrainingError) {
        resumedState = state
    }
}
