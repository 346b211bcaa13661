// NumberFormatting.swift: numbers printed so that they read back exactly.

/// Formats numbers for tables: the shortest decimal that reads back as the same `Double`, and non-finite
/// values spelled out.
enum NumberFormatting {
    /// The shortest text that parses back to exactly `value` (Swift's and Python's `repr` agree on it), with
    /// `NaN`, `inf` and `-inf` for the non-finite values.
    static func text(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return value.description
    }

    /// The shortest text for a reader: like ``text(_:)``, except that a value a 32-bit float holds exactly
    /// (as TensorBoard's scalars are) is printed as that float's shortest text (`0.1` rather than
    /// `0.10000000149011612`), which still reads back exactly as a `Float`. Used by the aligned text and
    /// Markdown tables; CSV, TSV and JSON keep ``text(_:)``, the exact `Double`, as tbparse and pandas give it.
    static func readable(_ value: Double) -> String {
        guard value.isFinite else { return text(value) }
        let narrow = Float(value)
        return narrow.isFinite && Double(narrow) == value ? narrow.description : value.description
    }

    /// `value` as a JSON value: a number, or the strings `"NaN"`, `"Infinity"` and `"-Infinity"` (as
    /// TensorBoard's own JSON API spells them, since JSON has no non-finite numbers).
    static func json(_ value: Double) -> String {
        if value.isNaN { return "\"NaN\"" }
        if value.isInfinite { return value < 0 ? "\"-Infinity\"" : "\"Infinity\"" }
        return value.description
    }
}
