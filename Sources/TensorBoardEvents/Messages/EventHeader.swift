// EventHeader.swift: the top-level facts of an event: when, at which step, and what it carried.

/// The top-level facts of an event: when, at which step, and what it carried.
///
/// Trivially copyable (it holds no string or array), so that returning one per record from the decoders'
/// hot paths costs no retain, release or destruction.
public struct EventHeader: Sendable, Equatable {
    /// What an event carries.
    public enum Content: Sendable, Equatable {
        /// No `oneof what` member.
        case none
        /// A file version, `brain.Event:<n>`: `number` is its `n` as TensorBoard's Python loader reads it (the
        /// text after the last `brain.Event:` as a floating-point number), `nil` when that is not a number. The
        /// whole string is the decoder's ``RunDecoder/fileVersion``.
        case fileVersion(number: Double?)
        /// A summary with this many values.
        case summary(valueCount: Int)
        /// A session log with this status.
        case sessionLog(SessionLog.Status)
        /// A graph definition.
        case graphDef
        /// A (deprecated) log message.
        case logMessage
        /// Tagged run metadata.
        case taggedRunMetadata
        /// A meta graph definition.
        case metaGraphDef
    }

    /// Seconds since the epoch.
    public var wallTime: Double
    /// The step.
    public var step: Int64
    /// What the event carried.
    public var content: Content

    init(wallTime: Double, step: Int64, content: Content) {
        self.wallTime = wallTime
        self.step = step
        self.content = content
    }

    /// The header of the event `view` reads, whose summary (if any) holds `valueCount` values.
    /// - Throws: ``WireDecodingError`` when its session log is malformed.
    init(view: EventView, valueCount: Int) throws(WireDecodingError) {
        wallTime = view.wallTime
        step = view.step
        switch view.contentField {
        case 3: content = .fileVersion(number: Self.fileVersionNumber(view.contentBytes))
        case 4: content = .graphDef
        case 5: content = .summary(valueCount: valueCount)
        case 6: content = .logMessage
        case 7: content = .sessionLog(try view.contentMessage(SessionLog.self).status)
        case 8: content = .taggedRunMetadata
        case 9: content = .metaGraphDef
        default: content = .none
        }
    }

    /// The number in a `brain.Event:<n>` file version, as TensorBoard's Python loader reads it (the text after
    /// the last `brain.Event:`, spaces trimmed, as a float), or `nil` when it is not a number.
    static func fileVersionNumber(_ version: UnsafeRawBufferPointer) -> Double? {
        let marker = Array("brain.Event:".utf8)
        var start = 0
        var index = 0
        while index + marker.count <= version.count {
            if version[index..<(index + marker.count)].elementsEqual(marker) {
                index += marker.count
                start = index
            } else {
                index += 1
            }
        }
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }
        let rest = version[start...].drop(while: isSpace).reversed().drop(while: isSpace).reversed()
        return Double(String(decoding: rest, as: UTF8.self))
    }
}
