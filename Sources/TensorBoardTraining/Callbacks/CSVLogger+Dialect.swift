// CSVLogger+Dialect.swift: Python's `csv` "excel" dialect, which Keras's CSVLogger writes and we read back.

extension CSVLogger {
    /// Python's `csv.excel` dialect with a chosen delimiter: rows end with `\r\n`, and a field holding the
    /// delimiter, a double quote, `\r` or `\n` is quoted (`QUOTE_MINIMAL`), its quotes doubled.
    struct Dialect {
        /// The field separator.
        var delimiter: Character

        /// One row, `\r\n` included.
        func line(_ fields: [String]) -> String {
            // A row of one empty field is quoted, as Python writes it, or it would read back as no field.
            if fields == [""] { return "\"\"\r\n" }
            return fields.map(quoted).joined(separator: String(delimiter)) + "\r\n"
        }

        private func quoted(_ field: String) -> String {
            guard field.contains(where: { $0 == delimiter || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" })
            else { return field }
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }

        /// The rows of a CSV text, lines ending in `\r\n` or `\n`; quoted fields may hold delimiters, quotes and
        /// line ends. Blank lines are skipped; a quote left open runs to the end of the text.
        func rows(_ text: String) -> [[String]] {
            var rows: [[String]] = []
            var row: [String] = []
            var field = ""
            var isQuoted = false
            var afterQuote = false
            var characters = text.makeIterator()
            func endRow() {
                row.append(field)
                if row != [""] { rows.append(row) }
                row = []
                field = ""
            }
            while let character = characters.next() {
                if isQuoted {
                    if character == "\"" {
                        isQuoted = false
                        afterQuote = true
                    } else {
                        field.append(character)
                    }
                    continue
                }
                if character == "\"" {
                    // `""` inside a quoted field is one quote; a quote at the start of a field opens it.
                    if afterQuote { field.append("\"") }
                    isQuoted = afterQuote || field.isEmpty
                    if !isQuoted { field.append("\"") }
                    afterQuote = false
                    continue
                }
                afterQuote = false
                if character == delimiter {
                    row.append(field)
                    field = ""
                } else if character == "\n" || character == "\r\n" || character == "\r" {
                    endRow()
                } else {
                    field.append(character)
                }
            }
            if !field.isEmpty || !row.isEmpty { endRow() }
            return rows
        }
    }
}
