import TestSupport
import Testing

@testable import TensorBoardEvents

private func scalar(of tensor: TensorProto) throws -> Double? {
    try tensor.serializedBytes().withUnsafeBytes { try TensorValues.scalar(fromEncoded: $0) }
}

private func littleEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
    withUnsafeBytes(of: value.littleEndian, Array.init)
}

@Suite struct TensorValuesTests {
    @Test func readsOneElementTensorsOfEveryNumericTypeFromTensorContent() throws {
        let cases: [(DataType, [UInt8], Double)] = [
            (.float, littleEndian(Float(0.1).bitPattern), Double(Float(0.1))),
            (.double, littleEndian(0.1.bitPattern), 0.1),
            (.int32, littleEndian(Int32(-7)), -7),
            (.int64, littleEndian(Int64(1) << 53), 9_007_199_254_740_992),
            (.uint8, [200], 200),
            (.int8, [0xFF], -1),
            (.int16, littleEndian(Int16(-300)), -300),
            (.uint16, littleEndian(UInt16(65_000)), 65_000),
            (.half, littleEndian(UInt16(0x3C00)), 1),
            (.bfloat16, littleEndian(UInt16(0x3F80)), 1),
            (.uint32, littleEndian(UInt32.max), 4_294_967_295),
            (.uint64, littleEndian(UInt64(12345)), 12345),
            (.bool, [1], 1),
        ]
        for (type, content, expected) in cases {
            var tensor = TensorProto(dataType: type, shape: TensorShapeProto())
            tensor.tensorContent = content
            #expect(try scalar(of: tensor) == expected, "\(type)")
        }
    }

    @Test func readsTheTypedListThatMatchesTheType() throws {
        var float = TensorProto(dataType: .float, shape: TensorShapeProto())
        float.floatValues = [0.25]
        float.intValues = [99]  // ignored: it does not match DT_FLOAT
        #expect(try scalar(of: float) == 0.25)
        var double = TensorProto(dataType: .double)  // no shape: rank 0
        double.doubleValues = [-2.5]
        #expect(try scalar(of: double) == -2.5)
        var int64 = TensorProto(dataType: .int64, shape: TensorShapeProto([1]))
        int64.int64Values = [-9]
        #expect(try scalar(of: int64) == -9)
        var half = TensorProto(dataType: .half, shape: TensorShapeProto())
        half.halfValues = [0xC000]
        #expect(try scalar(of: half) == -2)
        var int32 = TensorProto(dataType: .int32, shape: TensorShapeProto())
        int32.intValues = [Int32.min]
        #expect(try scalar(of: int32) == Double(Int32.min))
    }

    @Test func refusesWhatIsNotOneNumber() throws {
        var two = TensorProto(dataType: .float, shape: TensorShapeProto([2]))
        two.floatValues = [1, 2]
        #expect(try scalar(of: two) == nil)
        var listOfTwoForRankZero = TensorProto(dataType: .float, shape: TensorShapeProto())
        listOfTwoForRankZero.floatValues = [1, 2]
        #expect(try scalar(of: listOfTwoForRankZero) == nil)
        #expect(try scalar(of: .strings([[1]], shape: [])) == nil)
        #expect(try scalar(of: TensorProto(dataType: .float, shape: TensorShapeProto())) == nil)
        var wrongContentSize = TensorProto(dataType: .float, shape: TensorShapeProto())
        wrongContentSize.tensorContent = [0, 0, 0, 0, 0, 0, 0, 0]
        #expect(try scalar(of: wrongContentSize) == nil)
        var mismatchedList = TensorProto(dataType: .double, shape: TensorShapeProto())
        mismatchedList.floatValues = [1]
        #expect(try scalar(of: mismatchedList) == nil)
    }

    @Test(arguments: [
        (UInt16(0x3C00), Float(1)), (0x7BFF, 65_504), (0x0001, 0x1p-24), (0x03FF, 0x1.ff8p-15), (0x8000, -0.0),
        (0x7C00, .infinity), (0xFC00, -.infinity), (0x3555, 0x1.554p-2),
    ])
    func convertsHalfPrecisionExactly(bits: UInt16, expected: Float) {
        #expect(TensorValues.halfToFloat(bits).bitPattern == expected.bitPattern)
    }

    @Test func convertsHalfNaN() {
        #expect(TensorValues.halfToFloat(0x7E00).isNaN)
    }

    @Test func readsEveryElementAndFillsTheShapeFromOneListElement() {
        var matrix = TensorProto(dataType: .double, shape: TensorShapeProto([2, 3]))
        matrix.doubleValues = [1, 2, 3, 4, 5, 6]
        #expect(TensorValues.numbers(of: matrix) == [1, 2, 3, 4, 5, 6])
        var filled = TensorProto(dataType: .int32, shape: TensorShapeProto([3]))
        filled.intValues = [7]
        #expect(TensorValues.numbers(of: filled) == [7, 7, 7])
        var content = TensorProto(dataType: .float, shape: TensorShapeProto([2]))
        content.tensorContent = littleEndian(Float(1).bitPattern) + littleEndian(Float(-1).bitPattern)
        #expect(TensorValues.numbers(of: content) == [1, -1])
        var bad = TensorProto(dataType: .float, shape: TensorShapeProto([3]))
        bad.floatValues = [1, 2]
        #expect(TensorValues.numbers(of: bad) == nil)
    }

    @Test func rejectsShapesThatOverflowOrAreNegative() {
        // 2^60 × 3 elements of 8 bytes: the byte count overflows Int, which must not trap.
        var overflowing = TensorProto(dataType: .double, shape: TensorShapeProto([1 << 60, 3]))
        overflowing.tensorContent = [UInt8](repeating: 0, count: 24)
        #expect(TensorValues.numbers(of: overflowing) == nil)
        var productOverflows = TensorProto(dataType: .double, shape: TensorShapeProto([1 << 62, 3]))
        productOverflows.doubleValues = [1, 2, 3]
        #expect(TensorValues.numbers(of: productOverflows) == nil)
        var negative = TensorProto(dataType: .float, shape: TensorShapeProto([-1]))
        negative.floatValues = [1]
        #expect(TensorValues.numbers(of: negative) == nil)
    }

    @Test func refusesToFillAHugeShapeFromOneElement() {
        // One double claiming to fill 2^35 × 3 elements (800 GB) is not decoded; the largest allowed fill is.
        var huge = TensorProto(dataType: .double, shape: TensorShapeProto([1 << 35, 3]))
        huge.doubleValues = [1]
        #expect(TensorValues.numbers(of: huge) == nil)
        var largest = TensorProto(
            dataType: .float,
            shape: TensorShapeProto([Int64(TensorValues.maximumFilledElementCount)])
        )
        largest.floatValues = [2]
        #expect(TensorValues.numbers(of: largest)?.count == TensorValues.maximumFilledElementCount)
    }
}
