// FollowedFiles.swift: the files `--follow` reads, with few of them open at a time.

import TensorBoardEvents

/// The files `--follow` reads, by path, with at most ``maximumOpen`` of them open at a time, so that following
/// thousands of files stays within the descriptor limit and memory stays flat.
///
/// A file is open only while it grows: one with nothing new at a poll is closed (see ``FollowedFile``), as is
/// one the log directory's walk no longer lists, and when more than ``maximumOpen`` grow at once the one read
/// longest ago is closed. A closed file keeps only its path, position and last status.
final class FollowedFiles {
    /// The most files open at once.
    static let maximumOpen = 64
    private var files: [String: FollowedFile] = [:]
    /// The open files, the one read longest ago first.
    private var openFiles: [FollowedFile] = []
    /// The paths asked for since the last ``endPoll()``.
    private var listed: Set<String> = []

    /// The file at `path`, ready to read when it may hold something new; `nil` when it holds nothing new or
    /// cannot be looked at or opened (reported once through `problems`, and tried again on the next poll).
    /// Opening it may close the open file read longest ago.
    func prepare(_ path: String, context: CommandContext, problems: inout FollowProblems) -> FollowedFile? {
        listed.insert(path)
        let file = files[path] ?? FollowedFile(path: path)
        files[path] = file
        let ready: Bool
        do throws(EventFileError) {
            ready = try file.prepare(context: context)
        } catch {
            problems.report(error.description, context: context)
            ready = false
        }
        openFiles.removeAll { $0 === file }
        guard ready else { return nil }
        openFiles.append(file)
        if openFiles.count > Self.maximumOpen { openFiles.removeFirst().close() }
        return file
    }

    /// Ends a read of `file` (see ``FollowedFile/finishRead(failed:)``).
    func finishRead(_ file: FollowedFile, failed: Bool) {
        file.finishRead(failed: failed)
        if !file.isOpen { openFiles.removeAll { $0 === file } }
    }

    /// Ends a poll: closes the open files the walk did not list in it.
    func endPoll() {
        openFiles.removeAll { file in
            guard !listed.contains(file.path) else { return false }
            file.close()
            return true
        }
        listed.removeAll(keepingCapacity: true)
    }
}
