// CustomScalarLayout+Wire.swift: the binary coding of the Custom Scalars layout and its parts.

extension CustomScalarLayout: WireCodable {
    /// Creates an empty layout.
    public init() {
        self.init([])
    }

    package mutating func merge(from reader: inout ProtoReader) throws(WireDecodingError) {
        while let tag = try reader.readKey() {
            switch (tag.fieldNumber, tag.wireType) {
            case (1, .varint): version = try reader.readInt32()
            case (2, .lengthDelimited): categories.append(try reader.readMessage(Category.self))
            default: try reader.skipValue(of: tag)
            }
        }
    }

    package func encode(to writer: inout ProtoWriter) {
        if version != 0 { writer.writeField(1, int64: Int64(version)) }
        for category in categories { writer.writeField(2, message: category) }
    }
}

extension CustomScalarLayout.Category: WireCodable {
    /// Creates an untitled category without charts.
    public init() {
        self.init("", charts: [])
    }

    package mutating func merge(from reader: inout ProtoReader) throws(WireDecodingError) {
        while let tag = try reader.readKey() {
            switch (tag.fieldNumber, tag.wireType) {
            case (1, .lengthDelimited): title = try reader.readString()
            case (2, .lengthDelimited): charts.append(try reader.readMessage(CustomScalarLayout.Chart.self))
            case (3, .varint): isClosed = try reader.readBool()
            default: try reader.skipValue(of: tag)
            }
        }
    }

    package func encode(to writer: inout ProtoWriter) {
        if !title.isEmpty { writer.writeField(1, string: title) }
        for chart in charts { writer.writeField(2, message: chart) }
        if isClosed { writer.writeField(3, bool: true) }
    }
}

extension CustomScalarLayout.Chart: WireCodable {
    /// Creates an untitled chart without content.
    public init() {
        self.init(title: "", content: nil)
    }

    package mutating func merge(from reader: inout ProtoReader) throws(WireDecodingError) {
        while let tag = try reader.readKey() {
            switch (tag.fieldNumber, tag.wireType) {
            case (1, .lengthDelimited): title = try reader.readString()
            case (2, .lengthDelimited):
                // A oneof member seen again merges into the one there (as protobuf's parsers do).
                var patterns: [String] = []
                if case .multiline(let existing) = content { patterns = existing }
                var nested = try reader.readMessage()
                while let field = try nested.readKey() {
                    if field.fieldNumber == 1, field.wireType == .lengthDelimited {
                        patterns.append(try nested.readString())
                    } else {
                        try nested.skipValue(of: field)
                    }
                }
                content = .multiline(tagPatterns: patterns)
            case (3, .lengthDelimited):
                var series: [CustomScalarLayout.MarginSeries] = []
                if case .margin(let existing) = content { series = existing }
                var nested = try reader.readMessage()
                while let field = try nested.readKey() {
                    if field.fieldNumber == 1, field.wireType == .lengthDelimited {
                        series.append(try nested.readMessage(CustomScalarLayout.MarginSeries.self))
                    } else {
                        try nested.skipValue(of: field)
                    }
                }
                content = .margin(series)
            default: try reader.skipValue(of: tag)
            }
        }
    }

    package func encode(to writer: inout ProtoWriter) {
        if !title.isEmpty { writer.writeField(1, string: title) }
        switch content {
        case .multiline(let patterns):
            let start = writer.beginLengthDelimited(field: 2)
            for pattern in patterns { writer.writeField(1, string: pattern) }
            writer.endLengthDelimited(start)
        case .margin(let series):
            let start = writer.beginLengthDelimited(field: 3)
            for one in series { writer.writeField(1, message: one) }
            writer.endLengthDelimited(start)
        case nil: break
        }
    }
}

extension CustomScalarLayout.MarginSeries: WireCodable {
    /// Creates a series with empty tags.
    public init() {
        self.init(value: "", lower: "", upper: "")
    }

    package mutating func merge(from reader: inout ProtoReader) throws(WireDecodingError) {
        while let tag = try reader.readKey() {
            switch (tag.fieldNumber, tag.wireType) {
            case (1, .lengthDelimited): value = try reader.readString()
            case (2, .lengthDelimited): lower = try reader.readString()
            case (3, .lengthDelimited): upper = try reader.readString()
            default: try reader.skipValue(of: tag)
            }
        }
    }

    package func encode(to writer: inout ProtoWriter) {
        if !value.isEmpty { writer.writeField(1, string: value) }
        if !lower.isEmpty { writer.writeField(2, string: lower) }
        if !upper.isEmpty { writer.writeField(3, string: upper) }
    }
}
