// LogdirContents.swift: a whole log directory read into memory, as TensorBoard shows it.

/// Every point of a log directory, run by run, with TensorBoard's restart purging applied, and every problem
/// met on the way: what `tbparse`'s `SummaryReader` gives a Python user, for logs that fit in memory.
///
/// Reading never stops at damage: each corrupt record and invalid event is reported with its file and byte
/// offset and skipped, the records after it are read, and an incomplete last record (a file still being
/// written, or cut short) is reported as a tail. For logs too large to hold, read them record by record with
/// ``EventFileReader`` and ``RunDecoder`` (as `eventdump` does).
public struct LogdirContents: Sendable {
    /// One run's points.
    public struct RunContents: Sendable {
        /// The run (its name, directory and files).
        public var run: Run
        /// Its points by tag, purged as TensorBoard purges them.
        public var points: RunPoints
        /// The series the run holds, with their kinds and plugins, in order of first appearance.
        public var series: [SeriesInfo]

        /// The run's name (`.` for the log directory itself).
        public var name: String { run.name }

        /// The tags in order of their first point.
        public var tags: [String] { points.tags }

        /// The points of `tag` in reading order, or an empty array for a tag the run does not have.
        public func points(_ tag: String) -> [DataPoint] { points.pointsByTag[tag] ?? [] }

        /// The scalar points of `tag` as (step, wall time, value), in reading order.
        public func scalars(_ tag: String) -> [(step: Int64, wallTime: Double, value: Double)] {
            points(tag).compactMap { point in point.value.scalar.map { (point.step, point.wallTime, $0) } }
        }
    }

    /// An incomplete last record: a file still being written, or one cut short.
    public struct IncompleteTail: Sendable, Equatable {
        /// The file's path.
        public var path: String
        /// The byte offset where the incomplete record starts.
        public var offset: Int64
        /// How many bytes it has.
        public var byteCount: Int
    }

    /// The runs, sorted by name.
    public var runs: [RunContents]
    /// Directories that could not be listed and symbolic-link loops, met while discovering the runs.
    public var discoveryProblems: [LogdirError]
    /// Corrupt records, invalid events and read failures, each with its file and byte offset.
    public var damage: [EventFileError]
    /// Files whose last record is incomplete.
    public var incompleteTails: [IncompleteTail]

    /// The run with this name, or `nil`.
    public func run(named name: String) -> RunContents? { runs.first { $0.name == name } }
}

extension Logdir {
    /// Reads every run of a log directory into memory.
    /// - Parameters:
    ///   - logdir: The log directory (or a single event file), local or `s3://bucket/prefix`.
    ///   - filter: Which kinds and tags to decode; everything by default.
    ///   - purging: TensorBoard's restart rules to apply, or `nil` to keep every point. By default those of the
    ///   Rust loader, which `tensorboard --logdir` runs, so the points are those its pages show.
    ///   - options: How to read each file (chunk size, largest record accepted).
    /// - Returns: The runs and everything that was wrong with them, in run order (the runs are read on every
    ///   core at once, each by one thread: see ``RunsInParallel``).
    /// - Throws: ``LogdirError`` `.notADirectory` when `logdir` is neither a directory nor a file.
    public static func read(
        _ logdir: String,
        filter: RunDecoder.Filter = .all,
        purging: RestartPurge.Rules? = .rustLoader,
        options: EventFileReader.Options = .init()
    ) throws(LogdirError) -> LogdirContents {
        let (runs, problems) = try discoverRuns(in: logdir)
        let read = RunsInParallel.map(runs) { run in
            var decoder = RunDecoder(filter: filter)
            var points = RunPoints(rules: purging)
            var problems = LogdirContents(runs: [], discoveryProblems: [], damage: [], incompleteTails: [])
            for file in run.files {
                readFile(
                    file,
                    listedSize: run.listedSize(of: file),
                    options: options,
                    decoder: &decoder,
                    points: &points,
                    contents: &problems
                )
            }
            problems.runs = [LogdirContents.RunContents(run: run, points: points, series: decoder.series)]
            return problems
        }
        return LogdirContents(
            runs: read.flatMap(\.runs),
            discoveryProblems: problems,
            damage: read.flatMap(\.damage),
            incompleteTails: read.flatMap(\.incompleteTails)
        )
    }

    /// Reads one file of a run into `points`, recording its damage and incomplete tail in `contents`; with the
    /// size the run's listing gave it (`listedSize`), an object is opened without a `HEAD` (see
    /// ``EventFileSource/open(_:knownSize:)``).
    private static func readFile(
        _ path: String,
        listedSize: Int64?,
        options: EventFileReader.Options,
        decoder: inout RunDecoder,
        points: inout RunPoints,
        contents: inout LogdirContents
    ) {
        var reader: EventFileReader
        do {
            reader = EventFileReader(
                source: try EventFileSource.open(path, knownSize: listedSize),
                path: path,
                options: options
            )
        } catch {
            contents.damage.append(error)
            return
        }
        var eventPoints: [DataPoint] = []
        while true {
            do throws(EventFileError) {
                let more = try reader.readRecord { offset, payload -> EventFileError? in
                    eventPoints.removeAll(keepingCapacity: true)
                    do throws(WireDecodingError) {
                        let header = try decoder.decode(payload) { eventPoints.append($0) }
                        points.add(header, points: eventPoints)
                        return nil
                    } catch {
                        return EventFileError(.invalidEvent(error), path: path, offset: offset)
                    }
                }
                guard let more else { break }
                if let invalid = more { contents.damage.append(invalid) }
            } catch {
                contents.damage.append(error)
                guard error.isCorruption else { return }  // a read failure: this file can go no further
            }
        }
        if reader.pendingByteCount > 0 {
            contents.incompleteTails.append(
                LogdirContents.IncompleteTail(path: path, offset: reader.offset, byteCount: reader.pendingByteCount)
            )
        }
    }
}
