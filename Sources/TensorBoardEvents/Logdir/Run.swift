// Run.swift: a run, a directory that directly holds event files.

/// A run: a directory that directly holds event files.
public struct Run: Sendable, Equatable {
    /// The run's name: its path relative to the log directory, `"."` for the log directory itself.
    public var name: String
    /// The run directory's path.
    public var directory: String
    /// Its event files' paths, sorted by file name (the order TensorBoard reads them in).
    public var files: [String]

    /// Creates a run.
    /// - Parameters:
    ///   - name: The run's name.
    ///   - directory: The run directory's path.
    ///   - files: The event files' paths, in reading order.
    public init(name: String, directory: String, files: [String]) {
        self.name = name
        self.directory = directory
        self.files = files
    }
}
