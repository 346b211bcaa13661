// Logdir.swift: finds the runs of a log directory as TensorBoard does.

/// Run discovery in a log directory, as TensorBoard does it.
public enum Logdir {
    /// The runs under `logdir`: every directory (the log directory included) that directly holds a regular
    /// file whose name contains `tfevents`, found by walking the tree and following symbolic links as
    /// TensorBoard's default loader does, but never into a directory that is already being walked (a loop).
    ///
    /// Files ending in `.profile-empty` (empty placeholders of TensorFlow's profiler) are skipped.
    /// - Parameter logdir: The log directory; a single event file is also accepted (its directory's run).
    /// - Returns: The runs sorted by name (byte order), and the problems met (unreadable directories, loops), which do not
    ///   stop the walk.
    /// - Throws: ``LogdirError`` `.notADirectory` when `logdir` is neither a directory nor a file.
    public static func discoverRuns(in logdir: String) throws(LogdirError) -> (runs: [Run], problems: [LogdirError]) {
        let root = logdir.count > 1 && logdir.hasSuffix("/") ? String(logdir.dropLast()) : logdir
        if SystemCalls.isRegularFile(root) {
            let directory = root.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(
                separator: "/"
            )
            return ([Run(name: ".", directory: directory.isEmpty ? "." : directory, files: [root])], [])
        }
        let identity: (device: UInt64, inode: UInt64)
        switch SystemCalls.directoryIdentity(root) {
        case .success(let found): identity = found
        case .failure(let error): throw LogdirError(.notADirectory(errno: error.code), path: root)
        }
        var runs: [Run] = []
        var problems: [LogdirError] = []
        walk(root, name: ".", ancestors: [[identity.device, identity.inode]], runs: &runs, problems: &problems)
        runs.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        return (runs, problems)
    }

    private static func walk(
        _ directory: String,
        name: String,
        ancestors: Set<[UInt64]>,
        runs: inout [Run],
        problems: inout [LogdirError]
    ) {
        let entries: [DirectoryEntry]
        switch SystemCalls.listDirectory(directory) {
        case .success(let listed): entries = listed.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        case .failure(let error):
            problems.append(LogdirError(.unreadableDirectory(errno: error.code), path: directory))
            return
        }
        let files = entries.filter { entry in
            entry.kind == .file && EventFileName.isEventFile(entry.name) && !entry.name.hasSuffix(".profile-empty")
        }
        if !files.isEmpty {
            runs.append(Run(name: name, directory: directory, files: files.map { directory + "/" + $0.name }))
        }
        for entry in entries {
            guard case .directory(let device, let inode) = entry.kind else { continue }
            let path = directory + "/" + entry.name
            guard !ancestors.contains([device, inode]) else {
                problems.append(LogdirError(.symlinkLoop, path: path))
                continue
            }
            walk(
                path,
                name: name == "." ? entry.name : name + "/" + entry.name,
                ancestors: ancestors.union([[device, inode]]),
                runs: &runs,
                problems: &problems
            )
        }
    }
}
