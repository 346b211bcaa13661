// TensorShapeProto.swift: the dimensions of a tensor.

/// The shape of a tensor. Proto message `TensorShapeProto`. No dimensions means rank 0 (a scalar).
public struct TensorShapeProto: Sendable, Equatable {
    /// The dimensions, outermost first. Proto field `repeated Dim dim = 2` (there is no field 1).
    public var dimensions: [Dimension]
    /// Whether the rank is unknown. Proto field `unknown_rank = 3`.
    public var isRankUnknown: Bool

    /// One dimension. Proto message `TensorShapeProto.Dim`.
    public struct Dimension: Sendable, Equatable {
        /// The size, or -1 when unknown. Proto field `size = 1` (int64).
        public var size: Int64
        /// An optional name. Proto field `name = 2`.
        public var name: String

        /// Creates a dimension.
        /// - Parameters:
        ///   - size: The size, or -1 when unknown.
        ///   - name: An optional name.
        public init(size: Int64 = 0, name: String = "") {
            self.size = size
            self.name = name
        }
    }

    /// Creates a shape from dimension sizes.
    /// - Parameters:
    ///   - sizes: The sizes, outermost first; empty for rank 0.
    ///   - isRankUnknown: Whether the rank is unknown.
    public init(_ sizes: [Int64] = [], isRankUnknown: Bool = false) {
        self.dimensions = sizes.map { Dimension(size: $0) }
        self.isRankUnknown = isRankUnknown
    }

    /// The dimension sizes, outermost first.
    public var sizes: [Int64] { dimensions.map(\.size) }

    /// The number of elements the shape holds (1 for rank 0), or `nil` when a size is negative or the product
    /// overflows.
    public var elementCount: Int? {
        var count = 1
        for dimension in dimensions {
            guard dimension.size >= 0, dimension.size <= Int64(Int.max) else { return nil }
            let (product, overflow) = count.multipliedReportingOverflow(by: Int(dimension.size))
            guard !overflow else { return nil }
            count = product
        }
        return count
    }
}

extension TensorShapeProto: WireCodable {
    /// Creates a rank-0 shape.
    public init() {
        self.init([])
    }

    package mutating func merge(from reader: inout ProtoReader) throws(WireDecodingError) {
        while let tag = try reader.readKey() {
            switch (tag.fieldNumber, tag.wireType) {
            case (2, .lengthDelimited): dimensions.append(try reader.readMessage(Dimension.self))
            case (3, .varint): isRankUnknown = try reader.readBool()
            default: try reader.skipValue(of: tag)
            }
        }
    }

    package func encode(to writer: inout ProtoWriter) {
        for dimension in dimensions { writer.writeField(2, message: dimension) }
        if isRankUnknown { writer.writeField(3, bool: true) }
    }
}

extension TensorShapeProto.Dimension: WireCodable {
    /// Creates a dimension of size 0.
    public init() {
        self.init(size: 0)
    }

    package mutating func merge(from reader: inout ProtoReader) throws(WireDecodingError) {
        while let tag = try reader.readKey() {
            switch (tag.fieldNumber, tag.wireType) {
            case (1, .varint): size = try reader.readInt64()
            case (2, .lengthDelimited): name = try reader.readString()
            default: try reader.skipValue(of: tag)
            }
        }
    }

    package func encode(to writer: inout ProtoWriter) {
        if size != 0 { writer.writeField(1, int64: size) }
        if !name.isEmpty { writer.writeField(2, string: name) }
    }
}
