// Diagnostic.swift: a message for standard error, held until it can be reported in order.

/// A message for standard error about the data read.
enum Diagnostic {
    /// Damaged data: `warning: ...`, and the exit status becomes 1.
    case damage(String)
    /// Something about the output: `note: ...`.
    case note(String)
}
