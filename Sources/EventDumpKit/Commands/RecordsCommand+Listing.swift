// RecordsCommand+Listing.swift: the rows of `eventdump records`, read as far as the file goes now.

import TensorBoardEvents

/// Lists the records of one event file as table rows, as far as the file holds complete records, and can be
/// called again after the file has grown (`--follow`). Every problem is a row and a warning on standard error.
///
/// The file is read as ``FollowedFile`` reads it: closed while it has nothing new, and listed again from its
/// start, with a note on standard error, when it is replaced under the same name or truncated.
final class RecordLister {
    private let path: String
    private let format: OutputFormat
    private let strict: Bool
    private let context: CommandContext
    private let table: TableWriter
    private let file: FollowedFile
    private var decoder = RunDecoder()
    private var counts = (good: 0, corrupt: 0, invalid: 0)
    private var problems = FollowProblems()
    /// Whether the listing has stopped: `--strict` met damage, or reading failed.
    private(set) var stopped = false
    /// Whether reading the file failed (an I/O error), which stops the listing whatever `--strict` says.
    private var failedToRead = false

    /// Opens the file and writes the table's header.
    /// - Throws: ``EventFileError`` when the file cannot be opened.
    init(path: String, format: OutputFormat, strict: Bool, measuredRows: Int, context: CommandContext) throws {
        // Opened before the header is written, so that a file that cannot be read leaves no output.
        let file = FollowedFile(path: path)
        _ = try file.prepare(context: context)
        self.file = file
        self.path = path
        self.format = format
        self.strict = strict
        self.context = context
        table = TableWriter(
            format: format,
            columns: ["offset", "length", "status", "wall_time", "step", "content"],
            sink: context.output,
            measuredRows: measuredRows
        )
    }

    /// Lists every complete record the file holds now; returns whether `--strict` has stopped the listing. A
    /// file that cannot be looked at or opened any more is reported once, and looked for again on the next call.
    /// A read that fails (an I/O error) is listed as an `unreadable` row and reported, and ends the listing.
    /// - Throws: ``OutputClosed`` once standard output can no longer be written.
    func readAvailable() throws -> Bool {
        let ready: Bool
        do throws(EventFileError) {
            ready = try file.prepare(context: context)
        } catch {
            // Gone since the listing began (removed, or being replaced): reported once, looked for again.
            problems.report(error.description, context: context)
            return false
        }
        guard ready else { return false }
        context.progress?.begin(path)
        defer { context.progress?.end(path) }
        var failed = false
        defer { file.finishRead(failed: failed) }
        while !stopped {
            if context.isOutputClosed { throw OutputClosed() }
            // A Result rather than a catch clause around the call: the compiler (6.3) crashes on the latter here.
            let next: Result<Bool, EventFileError>
            do throws(EventFileError) {
                next = .success(try file.readRecord { offset, payload -> Bool in list(payload, at: offset) } != nil)
            } catch {
                next = .failure(error)
            }
            switch next {
            case .success(true): continue
            case .success(false): return false
            case .failure(let error) where error.isCorruption:
                counts.corrupt += 1
                table.write([
                    .integer(error.offset), .integer(error.skippedBytes), .text("corrupt"), .empty, .empty,
                    .text(error.reason),
                ])
                context.reportDamage(error.description)
                if strict { stopped = true }
            case .failure(let error):
                // A failing read (an I/O error): this file can go no further, but what was read stays listed.
                counts.corrupt += 1
                table.write([
                    .integer(file.offset), .empty, .text("unreadable"), .empty, .empty, .text(error.reason),
                ])
                context.reportDamage(error.description)
                stopped = true
                failedToRead = true
                failed = true
            }
        }
        return true
    }

    /// One record's row: what it holds, or why it is not an event. Returns `true` (a record was read).
    private func list(_ payload: UnsafeRawBufferPointer, at offset: Int64) -> Bool {
        var points: [DataPoint] = []
        do throws(WireDecodingError) {
            let header = try decoder.decode(payload) { points.append($0) }
            counts.good += 1
            table.write([
                .integer(offset), .integer(Int64(payload.count)), .text("ok"), .number(header.wallTime),
                .integer(header.step), .text(Self.describe(header, points: points, decoder: decoder)),
            ])
        } catch {
            counts.invalid += 1
            table.write([
                .integer(offset), .integer(Int64(payload.count)), .text("invalid event"), .empty, .empty,
                .text("\(error)"),
            ])
            context.reportDamage(EventFileError(.invalidEvent(error), path: path, offset: offset).description)
            if strict { stopped = true }
        }
        return true
    }

    /// Lists a truncated tail, ends the table and prints the counts.
    /// - Throws: ``StoppedAtDamage`` when `--strict` stopped the listing.
    func finish() throws {
        let truncated = !stopped && file.pendingByteCount > 0
        if truncated {
            table.write([
                .integer(file.offset), .integer(Int64(file.pendingByteCount)), .text("truncated"), .empty, .empty,
                .text("incomplete last record"),
            ])
            context.reportDamage(
                "\(path): offset \(file.offset): truncated record (\(file.pendingByteCount) bytes at the end of the file)"
            )
        }
        table.finish()
        let line = "\(counts.good) good, \(counts.corrupt + counts.invalid) corrupt, \(truncated ? 1 : 0) truncated\n"
        if format == .text || format == .markdown { context.output.write(line) } else { context.errors.write(line) }
        if stopped && strict && !failedToRead { throw StoppedAtDamage() }
    }

    /// What an event holds, in a few words.
    private static func describe(_ header: EventHeader, points: [DataPoint], decoder: RunDecoder) -> String {
        switch header.content {
        case .none: return "(empty)"
        case .fileVersion: return "file_version \(decoder.fileVersion ?? "")"
        case .summary(let count):
            // Each point's kind follows from its value, so a record costs the same however many series the
            // file has met before it.
            let tags = points.map { "\($0.tag) (\(kind(of: $0.value).rawValue))" }
            return "summary: \(count) value\(count == 1 ? "" : "s")"
                + (tags.isEmpty ? "" : ": " + tags.joined(separator: ", "))
        case .sessionLog(let status):
            let names = [0: "STATUS_UNSPECIFIED", 1: "START", 2: "STOP", 3: "CHECKPOINT"]
            return "session_log \(names[Int(status.rawValue)] ?? String(status.rawValue))"
        case .graphDef: return "graph_def"
        case .logMessage: return "log_message"
        case .taggedRunMetadata: return "tagged_run_metadata"
        case .metaGraphDef: return "meta_graph_def"
        }
    }

    /// The kind of series a decoded value belongs to.
    private static func kind(of value: DataValue) -> SeriesKind {
        switch value {
        case .scalar: return .scalar
        case .histogram: return .histogram
        case .text: return .text
        case .images: return .image
        case .audio: return .audio
        case .hparams: return .hparams
        case .tensor: return .tensor
        }
    }
}
