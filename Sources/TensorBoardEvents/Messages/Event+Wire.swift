// Event+Wire.swift: Event's binary coding; decoding goes through EventView, the one general decoder.

extension Event: WireCodable {
    /// Reads an event's fields from `reader` (to its end) through ``EventView``, replacing this event's fields
    /// with those present. An event is never nested in another message, so nothing is merged into an earlier
    /// value.
    package mutating func merge(from reader: inout ProtoReader) throws(WireDecodingError) {
        let view = try EventView(reader: reader)
        reader.skipToEnd()
        wallTime = view.wallTime
        step = view.step
        content = try Self.content(of: view)
        if let metadata = try view.sourceMetadata() { sourceMetadata = metadata }
    }

    /// The `oneof what` member a view holds, decoded.
    private static func content(of view: EventView) throws(WireDecodingError) -> Content? {
        switch view.contentField {
        case 3: .fileVersion(String(decoding: view.contentBytes, as: UTF8.self))
        case 4: .graphDef([UInt8](view.contentBytes))
        case 5: .summary(try view.contentMessage(Summary.self))
        case 6: .logMessage(try view.contentMessage(LogMessage.self))
        case 7: .sessionLog(try view.contentMessage(SessionLog.self))
        case 8: .taggedRunMetadata(try view.contentMessage(TaggedRunMetadata.self))
        case 9: .metaGraphDef([UInt8](view.contentBytes))
        default: nil
        }
    }

    package func encode(to writer: inout ProtoWriter) {
        if wallTime.bitPattern != 0 { writer.writeField(1, double: wallTime) }
        if step != 0 { writer.writeField(2, int64: step) }
        switch content {
        case .fileVersion(let version): writer.writeField(3, string: version)
        case .graphDef(let bytes): writer.writeField(4, bytes: bytes)
        case .summary(let summary): writer.writeField(5, message: summary)
        case .logMessage(let message): writer.writeField(6, message: message)
        case .sessionLog(let log): writer.writeField(7, message: log)
        case .taggedRunMetadata(let metadata): writer.writeField(8, message: metadata)
        case .metaGraphDef(let bytes): writer.writeField(9, bytes: bytes)
        case nil: break
        }
        if let sourceMetadata { writer.writeField(10, message: sourceMetadata) }
    }
}
