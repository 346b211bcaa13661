// Logdir.swift: finds the runs of a log directory as TensorBoard does.

/// Run discovery in a log directory, as TensorBoard does it.
public enum Logdir {
    /// The runs under `logdir`: every directory (the log directory included) that directly holds a regular
    /// file whose name contains `tfevents`, found by walking the tree and following symbolic links as
    /// TensorBoard's default loader does, but never into a directory that is already being walked (a loop), and
    /// into each directory once: one reached again by another path (links making a diamond) is not read again,
    /// so the walk costs one listing per directory however the links are arranged.
    ///
    /// Files ending in `.profile-empty` (empty placeholders of TensorFlow's profiler) are skipped.
    ///
    /// An `s3://bucket/prefix` log directory is found from one listing of every key under the prefix (see
    /// ``ObjectStorageRuns``), with the configuration the AWS tools read (environment and `~/.aws` files).
    /// - Parameter logdir: The log directory; a single event file is also accepted (its directory's run).
    /// - Returns: The runs sorted by name (byte order), and the problems met (unreadable directories, loops,
    ///   directories reached again, entries named like event files that cannot be read or are not regular files),
    ///   which do not stop the walk.
    /// - Throws: ``LogdirError`` `.notADirectory` when `logdir` is neither a directory nor a file;
    ///   `.objectStorage` when an `s3://` log directory cannot be listed.
    public static func discoverRuns(in logdir: String) throws(LogdirError) -> (runs: [Run], problems: [LogdirError]) {
        if ObjectStoragePath.isObjectStorage(logdir) { return (try discoverObjectStorageRuns(in: logdir), []) }
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
        var walk = Walk()
        walk.walked[[identity.device, identity.inode]] = root
        walk.walk(root, name: ".", ancestors: [[identity.device, identity.inode]])
        walk.walkLinked()
        var runs = walk.runs
        runs.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        return (runs, walk.problems)
    }
}

extension Logdir {
    /// The runs under an `s3://` log directory.
    private static func discoverObjectStorageRuns(in logdir: String) throws(LogdirError) -> [Run] {
        do { return try ObjectStoragePath.using(logdir, ObjectStorageRuns.discover) } catch {
            throw LogdirError(.objectStorage(reason: error.reason), path: logdir)
        }
    }
}

/// One walk of a log directory: the runs and problems found, and every directory read so far, so that each is
/// read once however many paths (symbolic links) lead to it.
///
/// Directories are walked depth first, but those reached through a symbolic link only once every directory
/// reached without one has been: a directory that both a link and the tree itself lead to keeps its own name.
private struct Walk {
    var runs: [Run] = []
    var problems: [LogdirError] = []
    /// The path by which each directory (device, inode) was first reached.
    var walked: [[UInt64]: String] = [:]
    /// Linked directories still to walk, in the order they were met.
    private var linked: [(path: String, name: String, identity: [UInt64], ancestors: Set<[UInt64]>)] = []

    /// Walks the linked directories met so far, and those met while walking them.
    mutating func walkLinked() {
        var index = 0
        while index < linked.count {
            let next = linked[index]
            index += 1
            enter(next.path, name: next.name, identity: next.identity, ancestors: next.ancestors)
        }
    }

    /// Walks the directory `identity` at `path` unless it is above `path` (a loop) or was walked already.
    private mutating func enter(_ path: String, name: String, identity: [UInt64], ancestors: Set<[UInt64]>) {
        guard !ancestors.contains(identity) else {
            problems.append(LogdirError(.symlinkLoop, path: path))
            return
        }
        if let first = walked[identity] {
            problems.append(LogdirError(.alreadyWalked(firstPath: first), path: path))
            return
        }
        walked[identity] = path
        walk(path, name: name, ancestors: ancestors.union([identity]))
    }

    mutating func walk(_ directory: String, name: String, ancestors: Set<[UInt64]>) {
        let entries: [DirectoryEntry]
        switch SystemCalls.listDirectory(directory) {
        case .success(let listed): entries = listed.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        case .failure(let error):
            problems.append(LogdirError(.unreadableDirectory(errno: error.code), path: directory))
            return
        }
        var files: [DirectoryEntry] = []
        for entry in entries where !EventFileName.isEventFile(entry.name) {
            // A dangling link is common (a `latest` link to a removed checkpoint) and holds nothing; any other
            // entry that cannot be examined may hide runs.
            if case .unexaminable(let errno) = entry.kind, errno != SystemCalls.noSuchFile {
                problems.append(LogdirError(.unexaminableEntry(errno: errno), path: directory + "/" + entry.name))
            }
        }
        for entry in entries where EventFileName.isEventFile(entry.name) && !entry.name.hasSuffix(".profile-empty") {
            switch entry.kind {
            case .file: files.append(entry)
            case .directory: break  // walked below, as TensorBoard walks it
            case .other: problems.append(LogdirError(.notARegularFile, path: directory + "/" + entry.name))
            case .unexaminable(let errno):
                problems.append(LogdirError(.unexaminableFile(errno: errno), path: directory + "/" + entry.name))
            }
        }
        if !files.isEmpty {
            runs.append(Run(name: name, directory: directory, files: files.map { directory + "/" + $0.name }))
        }
        for entry in entries {
            guard case .directory(let device, let inode) = entry.kind else { continue }
            let path = directory + "/" + entry.name
            let child = name == "." ? entry.name : name + "/" + entry.name
            if entry.isLink {
                linked.append((path, child, [device, inode], ancestors))
            } else {
                enter(path, name: child, identity: [device, inode], ancestors: ancestors)
            }
        }
    }
}
