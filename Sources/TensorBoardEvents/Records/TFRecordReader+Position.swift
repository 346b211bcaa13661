// TFRecordReader+Position.swift: where a reader stands, so that a reader made later can go on from there.

extension TFRecordReader {
    /// Where a reader stands in its source: all a new reader over the same bytes needs to go on exactly as this
    /// one would, so that a reader can be dropped (its buffer freed, its file closed) while its source is idle.
    ///
    /// A record still being written is not part of it: a resumed reader reads it again from its start.
    package struct Position: Sendable, Equatable {
        /// The offset of the next record (while resynchronising: of the next position to look at).
        package var offset: Int64
        /// Whether damage before ``offset`` has been reported and the scan for the next valid header is not
        /// finished: a resumed reader goes on with the scan silently rather than reporting the damage again.
        package var isResynchronising: Bool

        /// The start of a source.
        package static let start = Position(offset: 0, isResynchronising: false)

        /// Creates a position.
        /// - Parameters:
        ///   - offset: The offset of the next record (or, while resynchronising, of the next position to look at).
        ///   - isResynchronising: Whether the scan for a valid header after reported damage is not finished.
        package init(offset: Int64, isResynchronising: Bool) {
            self.offset = offset
            self.isResynchronising = isResynchronising
        }
    }

    /// Where the reader stands now.
    package var position: Position { Position(offset: offset, isResynchronising: isResynchronising) }

    /// Moves a reader that has read nothing yet to `position`, taken from an earlier reader of the same bytes;
    /// its window starts empty there.
    /// - Parameter position: Where the earlier reader stood, at most the source's size.
    package mutating func resume(at position: Position) {
        offset = position.offset
        isResynchronising = position.isResynchronising
        windowOffset = position.offset
        windowCount = 0
    }
}
