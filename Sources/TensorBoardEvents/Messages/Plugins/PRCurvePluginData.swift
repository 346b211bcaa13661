// PRCurvePluginData.swift: the content of the pr_curves plugin's summaries.

/// The content of a summary owned by the `pr_curves` plugin: how many thresholds its `[6, n]` tensor holds.
/// Proto message `PrCurvePluginData`.
package struct PRCurvePluginData: Sendable, Equatable {
    /// The plugin's content version; only 0 exists. Proto field `version = 1`.
    package var version: Int32
    /// The number of thresholds, evenly spaced from 0 to 1. Proto field `num_thresholds = 2`.
    package var thresholdCount: UInt32

    /// Creates plugin data of version 0.
    /// - Parameter thresholdCount: The number of thresholds.
    package init(thresholdCount: UInt32) {
        self.version = 0
        self.thresholdCount = thresholdCount
    }
}

extension PRCurvePluginData: WireCodable {
    /// Creates plugin data with no thresholds.
    package init() {
        self.init(thresholdCount: 0)
    }

    package mutating func merge(from reader: inout ProtoReader) throws(WireDecodingError) {
        while let tag = try reader.readKey() {
            switch (tag.fieldNumber, tag.wireType) {
            case (1, .varint): version = try reader.readInt32()
            case (2, .varint): thresholdCount = UInt32(truncatingIfNeeded: try reader.readVarint())
            default: try reader.skipValue(of: tag)
            }
        }
    }

    package func encode(to writer: inout ProtoWriter) {
        if version != 0 { writer.writeField(1, int64: Int64(version)) }
        if thresholdCount != 0 { writer.writeField(2, varint: UInt64(thresholdCount)) }
    }
}
