// EventFileReader+Resume.swift: a reader dropped while its file is idle, and a new one going on where it stood.

extension EventFileReader {
    /// Where the reader stands: a reader opened later on the same file and moved there with ``resume(at:)``
    /// goes on exactly as this one would (a record still being written is read again from its start).
    package var position: TFRecordReader.Position { records.position }

    /// Moves a reader that has read nothing yet to `position`, taken from an earlier reader of the same file.
    /// - Parameter position: Where the earlier reader stood.
    package mutating func resume(at position: TFRecordReader.Position) {
        records.resume(at: position)
    }

    /// The status of the file being read (the one opened, whatever its path names now), `nil` for a reader of
    /// bytes that are not an open file.
    package func openFileStatus() -> Result<FileStatus, SystemError>? {
        (records.source as? any FileBackedByteSource)?.fileStatus()
    }
}
