// DataClass.swift: the class of data a series holds.

/// The class of data a series holds, which tells TensorBoard's loaders how to store and sample it. Proto enum
/// `DataClass`; values outside the known ones are kept as they are.
public struct DataClass: RawRepresentable, Sendable, Equatable, Hashable {
    /// The enum's number on the wire.
    public var rawValue: Int32
    /// Creates a data class from its number on the wire.
    public init(rawValue: Int32) { self.rawValue = rawValue }
    /// `DATA_CLASS_UNKNOWN = 0`: the loaders derive the class from the plugin name.
    public static let unknown = DataClass(rawValue: 0)
    /// `DATA_CLASS_SCALAR = 1`: a rank-0 DT_FLOAT tensor per point.
    public static let scalar = DataClass(rawValue: 1)
    /// `DATA_CLASS_TENSOR = 2`: a small tensor per point.
    public static let tensor = DataClass(rawValue: 2)
    /// `DATA_CLASS_BLOB_SEQUENCE = 3`: a rank-1 DT_STRING tensor of blobs per point.
    public static let blobSequence = DataClass(rawValue: 3)
}
