// ReadProgress.swift: how far a long read has got, shown on a terminal so that long work is never silent.

import Foundation
import TensorBoardEvents

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Tells a person at a terminal how far the reading of a file has got when it takes long (a large damaged
/// file, gigabytes of zeros, a sparse file), instead of showing nothing while the reader scans for the next
/// valid record.
///
/// Readers report each chunk they read (``ProgressByteSource``); a thread of its own looks every
/// ``interval`` seconds and, once the same file has been read for longer than that, prints one line on
/// standard error: `note: reading <file>: 120 MB of 5.3 GB (2 %)`. Only made when standard error is a
/// terminal, so files and pipes never get these lines.
final class ReadProgress: Sendable {
    /// Seconds between looks, and how long a file is read before its progress shows; the environment variable
    /// `EVENTDUMP_PROGRESS_INTERVAL` sets it (tests make it short), 2 seconds otherwise.
    let interval: Double

    private struct State {
        var path: String?
        var offset: Int64 = 0
        var size: Int64 = 0
        var started = 0.0
        var stopped = false
    }

    private let state = LockedValue(State())
    private let write: @Sendable (String) -> Void

    /// Creates the progress and starts the thread that shows it.
    /// - Parameter write: Writes a line to standard error (from the progress thread).
    init(write: @escaping @Sendable (String) -> Void) {
        let configured = getenv("EVENTDUMP_PROGRESS_INTERVAL").flatMap { Double(String(cString: $0)) }
        interval = configured.map { min(max($0, 0.01), 60) } ?? 2
        self.write = write
        let thread = Thread { [self] in self.watch() }
        thread.start()
    }

    /// Stops the thread (at its next look).
    func stop() {
        state.withLock { $0.stopped = true }
    }

    /// A stretch of reading of the file at `path` begins; ``end(_:)`` ends it. When several threads read files at
    /// once (``RunReaders``), the file begun last is the one shown.
    /// - Parameters:
    ///   - path: The file.
    ///   - knownSize: The size its run's listing gave it, shown as its size without a `HEAD`; `nil` to look the
    ///     size up now (a `stat`, or a `HEAD` for an object), for a file no listing found (`records FILE`).
    func begin(_ path: String, knownSize: Int64? = nil) {
        let size = EventFileSource.size(path, knownSize: knownSize) ?? 0
        let now = Self.now()
        state.withLock { state in
            state.path = path
            state.offset = 0
            state.size = size
            state.started = now
        }
    }

    /// The reader of the file at `path` has read up to `offset` (ignored unless that file is the one shown).
    func advance(_ path: String, to offset: Int64) {
        state.withLock { state in
            guard state.path == path else { return }
            state.offset = max(state.offset, offset)
        }
    }

    /// The stretch of reading of the file at `path` ended (the file is done, or a follower waits for it to grow).
    func end(_ path: String) {
        state.withLock { state in
            if state.path == path { state.path = nil }
        }
    }

    private func watch() {
        while true {
            usleep(useconds_t(interval * 1_000_000))
            let now = Self.now()
            let line: String? = state.withLock { state in
                guard !state.stopped else { return nil }
                guard let path = state.path, now - state.started >= interval else { return "" }
                let percent = state.size > 0 ? " (\(state.offset * 100 / state.size) %)" : ""
                return "note: reading \(TerminalSafety.escaped(path)): \(Self.bytes(state.offset)) of "
                    + "\(Self.bytes(state.size))\(percent)\n"
            }
            guard let line else { return }
            if !line.isEmpty { write(line) }
        }
    }

    /// `812 kB`, `120 MB`, `5.3 GB`: decimal units, as `ls -h --si` shows them.
    static func bytes(_ count: Int64) -> String {
        let units = ["B", "kB", "MB", "GB", "TB", "PB"]
        var value = Double(count)
        var unit = 0
        while value >= 1000, unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        let digits = value < 10 && unit > 0 ? (value * 10).rounded() / 10 : value.rounded()
        let text = digits == digits.rounded() ? String(Int(digits)) : String(digits)
        return text + " " + units[unit]
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }
}

/// A file's bytes, local or in object storage, telling a ``ReadProgress`` how far they have been read; over a
/// local file it also tells which file it reads (`--follow` compares it with the path's).
struct ProgressByteSource<Base: ByteSource>: ByteSource {
    let base: Base
    let progress: ReadProgress
    /// The path of the file, as given to ``ReadProgress/begin(_:)``.
    let path: String

    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int64) throws(ByteSourceError) -> Int {
        let count = try base.read(into: buffer, at: offset)
        progress.advance(path, to: offset + Int64(count))
        return count
    }

    func size() throws(ByteSourceError) -> Int64 { try base.size() }
}

extension ProgressByteSource: FileBackedByteSource where Base: FileBackedByteSource {
    func fileStatus() -> Result<FileStatus, SystemError> { base.fileStatus() }
}

extension EventFileReader {
    /// A reader of the file at `path` (local or `s3://`) that tells `progress` how far it has read, when there
    /// is one (the caller marks the stretches of reading with ``ReadProgress/begin(_:knownSize:)`` and
    /// ``ReadProgress/end(_:)``).
    /// - Parameters:
    ///   - path: The file.
    ///   - knownSize: The size its run's listing gave it, or `nil`; with it, an object is opened without a
    ///     `HEAD` (see ``EventFileSource/open(_:knownSize:)``).
    ///   - progress: Where to report how far the reader has got, or `nil`.
    /// - Throws: ``EventFileError`` when the file cannot be opened.
    static func opened(
        _ path: String,
        knownSize: Int64? = nil,
        progress: ReadProgress?
    ) throws(EventFileError) -> EventFileReader {
        let source = try EventFileSource.open(path, knownSize: knownSize)
        guard let progress else { return EventFileReader(source: source, path: path) }
        func reporting(_ source: some ByteSource) -> any ByteSource {
            ProgressByteSource(base: source, progress: progress, path: path)
        }
        return EventFileReader(source: reporting(source), path: path)
    }
}
