// EventRecord.swift: one event read from a file, with where it was.

/// One event read from a file, with where it was.
public struct EventRecord: Sendable, Equatable {
    /// The record's byte offset in the file.
    public var offset: Int64
    /// The payload's length in bytes (the record takes 16 more).
    public var length: Int
    /// The decoded event.
    public var event: Event

    /// Creates a record.
    /// - Parameters:
    ///   - offset: The record's byte offset.
    ///   - length: The payload's length.
    ///   - event: The decoded event.
    public init(offset: Int64, length: Int, event: Event) {
        self.offset = offset
        self.length = length
        self.event = event
    }
}
