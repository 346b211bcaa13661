// SummaryWriter.swift: one run's event file, written safely from any thread.

import Dispatch

/// Writes summaries (scalars, histograms, text, images, hparams) for one run into a new event file in the
/// run's directory, the way TensorBoard's own writers do, so that TensorBoard shows exactly the values written.
///
/// The file is named `events.out.tfevents.<secs>.<host>.<pid>.<n><suffix>` and starts with a
/// `file_version = "brain.Event:2"` event. Each tag's first value in the file carries the plugin metadata. The
/// name always sorts after the event files already in the directory (see ``EventFileName/make(sortingAfter:suffix:)``),
/// so TensorBoard, which reads a run's files in name order, reads the new one last.
///
/// **Threads.** Every method may be called from any thread or task at once: records are encoded and appended
/// under one lock (a pthread mutex), so they are never interleaved. A training loop that logs several scalars
/// per step calls ``scalars(_:step:wallTime:)-(KeyValuePairs<String,Double>,Int64,_)`` once, which takes the lock
/// and reads the clock once for all of them.
///
/// **Flushing.** Records are buffered and reach the file as whole records, one `write` call per flush: when the
/// buffer passes ``Options/bufferSize``, on ``flush()``, on ``close()`` (also on deinitialisation), and at the
/// latest ``Options/flushInterval`` (2 s) after they were written: each write checks the interval, and a
/// background timer flushes records left waiting when no write follows. (The training callbacks also flush at
/// the end of every epoch.) ``flush()``, ``sync()`` and ``close()`` return once every record is in the file.
/// A writer still open when the process exits normally (`exit()`, the end of top-level code, a global writer
/// never closed) is flushed by an `atexit` handler; after a crash or `kill -9` only what was flushed is kept.
///
/// In object storage, where an object cannot be appended to, each flush uploads the buffered records as a new
/// segment, at most every ``Options/objectStorageFlushInterval`` (30 s) unless flushed explicitly: what was
/// uploaded survives a killed process, what was still buffered does not.
///
/// **Errors.** I/O failures (disk full, file removed) are thrown as ``EventFileError``; records that could not
/// be written stay buffered and are retried on the next flush. A failure of a background flush or write is
/// thrown by the next call that waits for it. Nothing here traps.
public final class SummaryWriter: Sendable {
    /// How scalars are encoded.
    public enum ScalarEncoding: Sendable {
        /// A rank-0 DT_FLOAT tensor with plugin `scalars` and data class SCALAR, as TF2 and Keras write. The default.
        case tensor
        /// The legacy `simple_value` float field, as tensorboardX and PyTorch write.
        case simpleValue
    }

    /// The run directory.
    public let runDirectory: String
    /// The event file's path; in object storage, the prefix of its segments' paths.
    public let filePath: String
    /// The options the writer was created with.
    public let options: Options
    /// Seconds after which buffered records are flushed: ``Options/flushInterval`` for a local file,
    /// ``Options/objectStorageFlushInterval`` in object storage.
    let flushInterval: Double

    struct State: ~Copyable {
        var file: EventFileWriter
        /// The tags written so far, and which are described in this file.
        var tags = SeriesTags()
        /// When the last flush was, on the real-time clock (the clock each write reads anyway for its wall time).
        var lastFlush: Double
        /// A failure of the background flush, thrown by the next call.
        var deferredError: EventFileError?
    }

    let state: LockedValue<State>
    /// The sibling runs' writers (``siblingScalars(_:_:step:wallTime:)``), flushed and closed with this one.
    let siblings = SiblingWriters()
    /// Flushes records left waiting when no write follows them. (Dispatch sources may be cancelled from any
    /// thread; the type only lacks the annotation.)
    nonisolated(unsafe) private let flushTimer: DispatchSourceTimer?

    /// Creates the run directory if needed and a new event file in it, and writes the file-version event (and,
    /// when resuming, the restart markers).
    ///
    /// A run in object storage, `s3://bucket/prefix/run`, is written as a sequence of segments (see
    /// ``ObjectSegments``): the first, holding the file-version event, is uploaded at once, and each flush
    /// uploads the next, at most every ``Options/objectStorageFlushInterval`` unless flushed explicitly.
    /// - Parameters:
    ///   - runDirectory: The run's directory, such as `logs/train` or `s3://bucket/logs/train`.
    ///   - options: How to write.
    /// - Throws: ``EventFileError``, at once, naming the path: `.invalidPath` for an empty path or one holding a
    ///   NUL byte, `.openFailed` with the `errno` when the directory or file cannot be created (a component that
    ///   is a regular file, a path too long), `.objectStorage` when an `s3://` run cannot be listed or written
    ///   (a missing bucket, missing credentials, a refused key), or a write error.
    public init(runDirectory: String, options: Options = Options()) throws(EventFileError) {
        guard SystemCalls.canNameFile(runDirectory) else { throw EventFileError(.invalidPath, path: runDirectory) }
        let objectStorage = ObjectStoragePath.isObjectStorage(runDirectory)
        var file =
            objectStorage
            ? try Self.objectStorageFile(runDirectory, options: options)
            : try Self.localFile(runDirectory, options: options)
        let path = file.path
        let now = SystemCalls.currentTime()
        try file.append(
            Event(
                wallTime: now,
                content: .fileVersion(options.resumesByTag ? "brain.Event:1" : "brain.Event:2"),
                sourceMetadata: SourceMetadata(writer: "swift-tensorboard-events")
            )
        )
        if let step = options.resumeStep, !options.resumesByTag {
            // TensorBoard's Python loader ignores the first START of a run and purges every tag at steps >= START's
            // step on each later one; two STARTs purge whether or not the run already had one. The Rust loader
            // ignores STARTs and drops a tag's stale points as soon as a new point at a lower step arrives.
            for _ in 0..<2 {
                try file.append(Event(wallTime: now, step: step, content: .sessionLog(SessionLog(status: .start))))
            }
        }
        try file.flush()
        self.runDirectory = runDirectory
        self.filePath = path
        self.options = options
        self.flushInterval = objectStorage ? options.objectStorageFlushInterval : options.flushInterval
        self.state = LockedValue(State(file: file, lastFlush: SystemCalls.currentTime()))
        if flushInterval > 0, flushInterval.isFinite {
            let timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
            let interval = DispatchTimeInterval.milliseconds(Int(min(flushInterval, 86_400) * 1000))
            timer.schedule(deadline: .now() + interval, repeating: interval, leeway: .milliseconds(100))
            self.flushTimer = timer
            timer.setEventHandler { [weak self] in self?.flushIfWaiting() }
            timer.resume()
        } else {
            self.flushTimer = nil
        }
        OpenWriters.register(self)
    }

    deinit {
        OpenWriters.unregister(ObjectIdentifier(self))
        flushTimer?.cancel()
        state.withLock { state in
            try? state.file.close()
        }
    }

    /// The background timer's work: flush records that have waited a whole interval.
    private func flushIfWaiting() {
        let interval = flushInterval
        let syncs = options.syncsOnFlush
        state.withLock { state in
            let now = SystemCalls.currentTime()
            guard !state.file.isClosed, state.file.pendingByteCount > 0,
                Self.isFlushDue(now, state.lastFlush, interval * 0.9)
            else {
                return
            }
            state.lastFlush = now
            do throws(EventFileError) {
                if syncs { try state.file.sync() } else { try state.file.flush() }
            } catch {
                state.deferredError = error
            }
        }
    }

    /// Appends an event as it is.
    /// - Parameter event: The event.
    /// - Throws: ``EventFileError`` when a flush fails or the writer is closed.
    public func write(_ event: Event) throws(EventFileError) {
        let resumesByTag = options.resumesByTag
        try withFile { file, tags, _ throws(EventFileError) in
            if resumesByTag, case .summary(let summary) = event.content {
                let indices = summary.values.map { tags.index(of: $0.tag) }
                try Self.markRestart(tags: indices, step: event.step, wallTime: event.wallTime, &file, &tags)
            }
            try file.append(event)
        }
    }

    /// Writes buffered records to the file (and `fsync`s it when ``Options/syncsOnFlush`` is set).
    /// - Throws: ``EventFileError`` when writing fails; the records stay buffered.
    public func flush() throws(EventFileError) {
        let syncs = options.syncsOnFlush
        try state.withLock { state throws(EventFileError) in
            if syncs { try state.file.sync() } else { try state.file.flush() }
            state.lastFlush = SystemCalls.currentTime()
        }
        try siblings.applyToAll { sibling throws(EventFileError) in try sibling.flush() }
    }

    /// Flushes and `fsync`s the file, whatever ``Options/syncsOnFlush`` says.
    /// - Throws: ``EventFileError`` when writing or syncing fails.
    public func sync() throws(EventFileError) {
        try state.withLock { state throws(EventFileError) in
            try state.file.sync()
            state.lastFlush = SystemCalls.currentTime()
        }
        try siblings.applyToAll { sibling throws(EventFileError) in try sibling.sync() }
    }

    /// Flushes and closes the file, and the sibling runs' files. Writing afterwards throws `.closed`; closing
    /// again does nothing.
    /// - Throws: ``EventFileError`` when the last flush fails (the file is closed anyway).
    public func close() throws(EventFileError) {
        let syncs = options.syncsOnFlush
        flushTimer?.cancel()
        OpenWriters.unregister(ObjectIdentifier(self))
        let closing = Result { () throws(EventFileError) in
            try state.withLock { state throws(EventFileError) in
                guard !state.file.isClosed else { return }
                if syncs { try? state.file.sync() }
                try state.file.close()
            }
        }
        let closingSiblings = Result { () throws(EventFileError) in
            try siblings.applyToAll { sibling throws(EventFileError) in try sibling.close() }
        }
        try closing.get()
        try closingSiblings.get()
    }

    /// Runs `body` with the file, the tags and the time under the lock, then flushes if the flush interval has
    /// passed.
    /// - Parameter body: Appends records; its third argument is the real-time clock, read once for the call (a
    ///   write's wall time, unless given, and the flush-interval check).
    func withFile<R>(
        _ body: (inout EventFileWriter, inout SeriesTags, _ now: Double) throws(EventFileError) -> R
    ) throws(EventFileError) -> R {
        let interval = flushInterval
        let syncs = options.syncsOnFlush
        return try state.withLock { state throws(EventFileError) -> R in
            let now = SystemCalls.currentTime()
            let result = try body(&state.file, &state.tags, now)
            if Self.isFlushDue(now, state.lastFlush, interval) {
                state.lastFlush = now
                if syncs { try state.file.sync() } else { try state.file.flush() }
            }
            if let deferred = state.deferredError {
                state.deferredError = nil
                throw deferred
            }
            return result
        }
    }

    /// Whether `interval` seconds have passed between a flush at `last` and `now`, on the real-time clock. A
    /// clock set back past the last flush also makes one due, which starts the interval again from the new time.
    static func isFlushDue(_ now: Double, _ last: Double, _ interval: Double) -> Bool {
        now - last >= interval || now < last
    }

    /// The wall time to write: `given` when it is finite, the current time otherwise. TensorBoard's default
    /// loader stops reading a file at a NaN wall time and drops an event with an infinite one, so a non-finite
    /// value is never written.
    static func wallTime(_ given: Double?, now: Double = SystemCalls.currentTime()) -> Double {
        if let given, given.isFinite { return given }
        return now
    }

    /// Appends one summary value, attaching `metadata` if this is the tag's first value in the file.
    func append(
        tag: String,
        kind: Summary.Value.Kind,
        metadata: SummaryMetadata?,
        step: Int64,
        wallTime: Double?
    ) throws(EventFileError) {
        let resumesByTag = options.resumesByTag
        try withFile { file, tags, now throws(EventFileError) in
            let time = Self.wallTime(wallTime, now: now)
            var value = Summary.Value(tag: tag, kind: kind)
            let index = tags.index(of: tag)
            if resumesByTag {
                try Self.markRestart(tags: CollectionOfOne(index), step: step, wallTime: time, &file, &tags)
            }
            if let metadata, !tags.isDescribed[index] {
                tags.isDescribed[index] = true
                value.metadata = tags.annotated(metadata, index)
            }
            try file.append(Event(wallTime: time, step: step, content: .summary(Summary(values: [value]))))
        }
    }
}
