// OutputClosed.swift: standard output can no longer be written.

/// Thrown by the reading loops once standard output can no longer be written, to stop reading.
struct OutputClosed: Error {}
