// RecordLocation.swift: where a record is in a run.

/// Where a record is: its file (by position in the run's file list, so that the location is trivially copied),
/// its byte offset in the file, and its position in the run's reading order.
struct RecordLocation {
    var fileIndex: Int
    var offset: Int64
    var index: Int
}
