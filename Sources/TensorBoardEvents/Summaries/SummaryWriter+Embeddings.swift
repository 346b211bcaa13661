// SummaryWriter+Embeddings.swift: embeddings for TensorBoard's projector (PyTorch's add_embedding).

extension SummaryWriter {
    /// Writes an embedding for TensorBoard's projector, as PyTorch's and tensorboardX's `add_embedding` write
    /// it: `<run>/<step>/<tag>/tensors.tsv`, `metadata.tsv` (one label per line) and `sprite.png`, then an
    /// `embeddings` block appended to `<run>/projector_config.pbtxt` naming them, with tensor name
    /// `"<tag>:<step>"` (the step as five digits at least, `default:00000`). The projector shows each run's
    /// embeddings; files are written before the block, so it never names a file not yet there.
    ///
    /// Each tag and step names one embedding: writing one again, in this process or after a restart, is
    /// refused rather than replacing files another block may name.
    /// - Parameters:
    ///   - vectors: A vector per point, all of one length (`Float` or `Double`; the projector keeps float32).
    ///   - labels: A label per point, or `nil` for none.
    ///   - images: An image per point, all square and of one size, tiled into the sprite; `nil` for none.
    ///   - tag: The embedding's name; `default` by default, as in PyTorch.
    ///   - step: The step, of any integer type that fits in `Int64` (else `.stepOutOfRange`).
    /// - Throws: ``EventFileError``: `.invalidSummary` naming the config file when the input cannot be shown as
    ///   given (no vectors, ragged or non-finite vectors, a label count or image count other than the point
    ///   count, a label holding a tab or line break, or blank, images of different or non-square sizes, a tag
    ///   that is empty, `.` or `..`, an embedding already written), then nothing is written; `.closed`; or the
    ///   file error of a file that could not be written.
    public func embedding<Value: BinaryFloatingPoint, Step: BinaryInteger>(
        _ vectors: [[Value]],
        labels: [String]? = nil,
        images: [PixelImage]? = nil,
        tag: String = "default",
        step: Step
    ) throws(EventFileError) {
        let step = try eventStep(step)
        try writeEmbedding(vectors, header: nil, rows: labels.map { $0.map { [$0] } }, images: images, tag, step)
    }

    /// Writes an embedding whose metadata is a table, a column per header cell (tensorboardX's
    /// `add_embedding(..., metadata_header=...)`): `metadata.tsv` holds the header and a row per point, cells
    /// separated by tabs. Otherwise as ``embedding(_:labels:images:tag:step:)``.
    /// - Parameters:
    ///   - vectors: A vector per point, all of one length.
    ///   - rows: A row of cells per point, each as long as `header`.
    ///   - header: The column names, at least two (the projector takes a first line holding a tab for the
    ///     header; with one column, pass `labels:`).
    ///   - images: An image per point, all square and of one size; `nil` for none.
    ///   - tag: The embedding's name; `default` by default.
    ///   - step: The step, of any integer type that fits in `Int64` (else `.stepOutOfRange`).
    /// - Throws: ``EventFileError`` as ``embedding(_:labels:images:tag:step:)`` does, and `.invalidSummary` for a
    ///   header of fewer than two columns or a row of another length.
    public func embedding<Value: BinaryFloatingPoint, Step: BinaryInteger>(
        _ vectors: [[Value]],
        metadata rows: [[String]],
        header: [String],
        images: [PixelImage]? = nil,
        tag: String = "default",
        step: Step
    ) throws(EventFileError) {
        let step = try eventStep(step)
        try writeEmbedding(vectors, header: header, rows: rows, images: images, tag, step)
    }

    private func writeEmbedding<Value: BinaryFloatingPoint>(
        _ vectors: [[Value]],
        header: [String]?,
        rows: [[String]]?,
        images: [PixelImage]?,
        _ tag: String,
        _ step: Int64
    ) throws(EventFileError) {
        let configPath = runDirectory + "/" + ProjectorFiles.configName
        let refuse = { (reason: String) in
            EventFileError(.invalidSummary(reason: "embedding \(tag): \(reason)"), path: configPath)
        }
        if let problem = Self.tagProblem(tag) ?? Self.vectorProblem(vectors) { throw refuse(problem) }
        if let rows, let problem = Self.metadataProblem(header: header, rows: rows, count: vectors.count) {
            throw refuse(problem)
        }
        var spritePNG: [UInt8]?
        if let images {
            guard images.count == vectors.count else {
                throw refuse("\(images.count) images for \(vectors.count) points")
            }
            do throws(SpriteSheet.InvalidInput) {
                if let sprite = try SpriteSheet.make(images) { spritePNG = try? PNGEncoder.encode(sprite) }
            } catch {
                throw refuse(error.description)
            }
            if spritePNG == nil { throw refuse("the sprite could not be compressed (zlib ran out of memory)") }
        }
        guard !(state.withLock { $0.file.isClosed }) else { throw EventFileError(.closed, path: filePath) }
        let directory =
            runDirectory + "/" + ProjectorFiles.stepName(step) + "/" + ProjectorFiles.directoryName(tag: tag)
        if !ObjectStoragePath.isObjectStorage(directory), let error = SystemCalls.makeDirectories(directory) {
            throw EventFileError(.openFailed(errno: error.code), path: directory)
        }
        do throws(EventFileError) {
            try AssetFile.create(directory + "/tensors.tsv", bytes: Array(ProjectorFiles.tensorsText(vectors).utf8))
        } catch let error where error.code == .openFailed(errno: SystemCalls.fileExists) {
            throw refuse("already written at step \(step) (\(directory)); a tag and a step name one embedding")
        }
        if let rows {
            let text = ProjectorFiles.metadataText(header: header, rows: rows)
            try AssetFile.create(directory + "/metadata.tsv", bytes: Array(text.utf8))
        }
        if let spritePNG { try AssetFile.create(directory + "/sprite.png", bytes: spritePNG) }
        let size = images?.first.map { ($0.width, $0.height) }
        let block = ProjectorFiles.configBlock(tag: tag, step: step, hasMetadata: rows != nil, spriteSize: size)
        try AssetFile.append(configPath, bytes: Array(block.utf8))
    }

    /// Why `tag` cannot name an embedding's directory, or `nil`.
    private static func tagProblem(_ tag: String) -> String? {
        if tag.isEmpty || tag == "." || tag == ".." || tag.utf8.contains(0) {
            return "the tag must name a directory inside the step's (not empty, `.`, `..` or holding NUL)"
        }
        return nil
    }

    /// Why `vectors` cannot be shown, or `nil`.
    private static func vectorProblem<Value: BinaryFloatingPoint>(_ vectors: [[Value]]) -> String? {
        guard let dimension = vectors.first?.count, dimension > 0 else {
            return "there must be at least one point, of at least one dimension"
        }
        for (row, vector) in vectors.enumerated() {
            guard vector.count == dimension else {
                return "every vector must have \(dimension) values, as the first. Received: vector \(row) has "
                    + "\(vector.count)"
            }
            if let column = vector.firstIndex(where: { !Float($0).isFinite }) {
                return "vector \(row) value \(column) is \(vector[column]) as a float32; the projector places "
                    + "only finite points"
            }
        }
        return nil
    }

    /// Why the metadata cannot be read back by the projector as one row per point, or `nil`.
    private static func metadataProblem(header: [String]?, rows: [[String]], count: Int) -> String? {
        guard rows.count == count else { return "\(rows.count) metadata rows for \(count) points" }
        if let header {
            guard header.count >= 2 else {
                return "a metadata header needs two columns or more (pass one column as labels:)"
            }
            if let problem = cellProblem(header) { return "header: " + problem }
        }
        for (index, row) in rows.enumerated() {
            if let header, row.count != header.count {
                return "metadata row \(index) has \(row.count) cells for \(header.count) columns"
            }
            if let problem = cellProblem(row) { return "metadata row \(index): " + problem }
            if row.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) {
                return "metadata row \(index) is blank, and the projector skips blank lines"
            }
        }
        return nil
    }

    /// Why cells cannot be a line of `metadata.tsv`, or `nil`.
    private static func cellProblem(_ cells: [String]) -> String? {
        for cell in cells where cell.contains(where: { $0 == "\t" || $0.isNewline }) {
            return "a cell holds a tab or line break, which would split it. Received: \(cell.debugDescription)"
        }
        return nil
    }
}
