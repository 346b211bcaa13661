// MediaExporter.swift: writes media items as files under an export directory.

import TensorBoardEvents

/// Writes items as files under one directory, creating the run and tag directories as needed and refusing to
/// replace a file that was there before (unless told to).
///
/// A path written twice in one export (one step logged twice, kept by `--keep-all` or the Python loader's
/// rules) is replaced by the later item, as TensorBoard shows the later one: only files from before the export
/// are protected.
struct MediaExporter {
    /// The export directory, as the user gave it.
    let directory: String
    /// Whether existing files are replaced (`--force`).
    let replacesFiles: Bool
    /// The paths written so far, relative to ``directory``.
    private var written: Set<String> = []
    /// The directories known to exist.
    private var directories: Set<String> = []
    /// How many files and bytes were written.
    private(set) var fileCount = 0
    private(set) var byteCount = 0

    /// An exporter into `directory`.
    init(directory: String, replacesFiles: Bool) {
        self.directory = directory.hasSuffix("/") && directory.count > 1 ? String(directory.dropLast()) : directory
        self.replacesFiles = replacesFiles
    }

    /// Writes `bytes` to `relativePath` (a path from ``ExportPath``) under the directory.
    /// - Returns: Whether the path had been written before in this export (its file is replaced).
    /// - Throws: ``OutputFileError`` naming the path that could not be created or written.
    mutating func write(_ bytes: [UInt8], to relativePath: String) throws(OutputFileError) -> Bool {
        let path = directory + "/" + relativePath
        if let slash = path.lastIndex(of: "/") {
            let parent = String(path[..<slash])
            if !directories.contains(parent) {
                if let error = SystemCalls.makeDirectories(parent) {
                    throw OutputFileError(path: parent, step: .create, code: error.code)
                }
                directories.insert(parent)
            }
        }
        let isRepeat = !written.insert(relativePath).inserted
        try OutputFile.write(bytes, to: path, replacing: replacesFiles || isRepeat)
        if !isRepeat { fileCount += 1 }
        byteCount += bytes.count
        return isRepeat
    }
}
