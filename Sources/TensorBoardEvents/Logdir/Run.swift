// Run.swift: a run, a directory that directly holds event files.

/// A run: a directory that directly holds event files.
///
/// Two runs are equal when their names, directories and files are: the sizes a listing gave the files
/// (``listedSizes``) are left out, since they tell what one listing saw at one moment, not which run it is (the
/// same run found again after a writer's flush has other sizes), and a public user cannot see them.
public struct Run: Sendable, Equatable {
    /// The run's name: its path relative to the log directory, `"."` for the log directory itself.
    public var name: String
    /// The run directory's path.
    public var directory: String
    /// Its event files' paths, sorted by file name (the order TensorBoard reads them in).
    public var files: [String]
    /// The sizes in bytes that the listing which found the run gave its files, by path: filled by discovery in
    /// object storage (whose listing returns every object's size), so that readers open and measure those files
    /// without asking the store for each size again (a `HEAD` per file); empty for a local run, whose sizes a
    /// `stat` gives at no such cost.
    ///
    /// A listed size is what the object held when it was listed, not a promise about now: a writer that uploads
    /// a whole file again at each flush replaces it with a longer one, and another process may delete it. So
    /// readers use it only to skip the lookup, never to stop reading: they read on until a range comes back short,
    /// and a deleted object fails at its first read. Keyed by path rather than parallel to ``files``, so that a
    /// caller that filters or reorders ``files`` cannot pair a file with another's size; a path that is absent has
    /// no known size.
    package var listedSizes: [String: Int64]

    /// Creates a run.
    /// - Parameters:
    ///   - name: The run's name.
    ///   - directory: The run directory's path.
    ///   - files: The event files' paths, in reading order.
    public init(name: String, directory: String, files: [String]) {
        self.init(name: name, directory: directory, files: files, listedSizes: [:])
    }

    /// Creates a run whose files' sizes a listing gave.
    /// - Parameters:
    ///   - name: The run's name.
    ///   - directory: The run directory's path.
    ///   - files: The event files' paths, in reading order.
    ///   - listedSizes: The sizes the listing gave the files, by path (see ``listedSizes``).
    package init(name: String, directory: String, files: [String], listedSizes: [String: Int64]) {
        self.name = name
        self.directory = directory
        self.files = files
        self.listedSizes = listedSizes
    }

    /// The size the listing gave the file at `path`, or `nil` when none is known (a local run, or a path that
    /// is not one of the listed files).
    package func listedSize(of path: String) -> Int64? { listedSizes[path] }

    /// Whether two runs have the same name, directory and files (their listed sizes are not compared: see
    /// ``Run``).
    public static func == (lhs: Run, rhs: Run) -> Bool {
        lhs.name == rhs.name && lhs.directory == rhs.directory && lhs.files == rhs.files
    }
}
