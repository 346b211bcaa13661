// SummaryWriter+Options.swift: how a summary writer names, encodes, flushes and resumes its file.

extension SummaryWriter {
    /// How a writer behaves.
    public struct Options: Sendable {
        /// Appended to the file name, for example `".v2"`.
        public var fileNameSuffix: String
        /// How scalars are encoded.
        public var scalarEncoding: ScalarEncoding
        /// Buffered bytes above which a write flushes.
        public var bufferSize: Int
        /// Seconds after which a write flushes what is buffered; 0 flushes on every write.
        public var flushInterval: Double
        /// For a run in object storage (`s3://`): seconds after which what is buffered is uploaded as a new
        /// segment. Each upload is one request and one more object that readers list and open, so the interval
        /// is longer than ``flushInterval``; explicit flushes (``SummaryWriter/flush()``, the training callbacks'
        /// epoch ends) and ``SummaryWriter/close()`` upload at once. Records not yet uploaded are lost if the
        /// process is killed.
        public var objectStorageFlushInterval: Double
        /// Whether each flush also asks the device to store the data (`fsync`).
        public var syncsOnFlush: Bool
        /// Continue a run after a crash from this step: TensorBoard then drops the stale points of the
        /// interrupted attempt at this step and later. Its Python loader drops them for every tag at once; its
        /// default (Rust) loader drops a tag's stale points when that tag is written again at a lower step than
        /// its last, so a tag the resumed run never writes again keeps them there.
        public var resumeStep: Int64?
        /// Continue an interrupted run tag by tag, for runs whose tags go at different steps (epochs and
        /// global batch steps in one run), where no single restart step is right: TensorBoard then drops each
        /// tag's stale points at and above the first step this writer writes that tag at, and keeps the rest.
        /// Its default (Rust) loader does so by itself; for its Python loader the file says version
        /// `brain.Event:1` (whose rule is "a summary event whose step goes backwards drops its own tags' points
        /// at or above its step") and, before the first event of each tag in the file, an empty summary event
        /// one step above it makes that event's step go backwards. `resumeStep` is then not written (version 1
        /// ignores session logs). A tag written at `Int64.max` first gets no marker.
        public var resumesByTag: Bool

        /// Creates options.
        /// - Parameters:
        ///   - fileNameSuffix: Appended to the file name; empty by default.
        ///   - scalarEncoding: `.tensor` by default.
        ///   - bufferSize: 1 MiB by default.
        ///   - flushInterval: 2 seconds by default.
        ///   - objectStorageFlushInterval: 30 seconds by default.
        ///   - syncsOnFlush: `false` by default.
        ///   - resumeStep: `nil` (a new run) by default.
        ///   - resumesByTag: `false` (a new run) by default.
        public init(
            fileNameSuffix: String = "",
            scalarEncoding: ScalarEncoding = .tensor,
            bufferSize: Int = 1 << 20,
            flushInterval: Double = 2,
            objectStorageFlushInterval: Double = 30,
            syncsOnFlush: Bool = false,
            resumeStep: Int64? = nil,
            resumesByTag: Bool = false
        ) {
            self.fileNameSuffix = fileNameSuffix
            self.scalarEncoding = scalarEncoding
            self.bufferSize = bufferSize
            self.flushInterval = flushInterval
            self.objectStorageFlushInterval = objectStorageFlushInterval
            self.syncsOnFlush = syncsOnFlush
            self.resumeStep = resumeStep
            self.resumesByTag = resumesByTag
        }
    }
}
