// Cell.swift: one value of an output table, typed so each format can render it properly.

import TensorBoardEvents

/// One value of a table row.
enum Cell: Equatable {
    /// Text (tags, run names, Markdown): escaped for terminals, quoted for CSV, neutralised against formulas.
    case text(String)
    /// An integer (steps, counts).
    case integer(Int64)
    /// A number, printed so that it reads back exactly (`NaN`, `inf`, `-inf` spelled out).
    case number(Double)
    /// Several numbers in one cell (as `scalars --wide` shows several values of one tag at one step, the way
    /// tbparse's pivot merges them): `[a, b]` in text and CSV, a JSON array in JSON.
    case numbers([Double])
    /// No value.
    case empty

    /// A number, or empty for `nil`.
    static func number(_ value: Double?) -> Cell { value.map(Cell.number) ?? .empty }

    /// An integer, or empty for `nil`.
    static func integer(_ value: Int64?) -> Cell { value.map(Cell.integer) ?? .empty }

    /// Whether the cell is numeric (right-aligned in text tables).
    var isNumeric: Bool {
        switch self {
        case .integer, .number, .numbers: return true
        case .text, .empty: return false
        }
    }
}
