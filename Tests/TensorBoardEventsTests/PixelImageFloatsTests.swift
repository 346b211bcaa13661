import Testing

@testable import TensorBoardEvents

/// Images from floating-point values, converted as PyTorch's `add_image` converts them.
@Suite struct PixelImageFloatsTests {
    /// Three 2×2 planes (CHW). tensorboardX 2.6.5's `image(..., dataformats="CHW")` gives, for the values in
    /// [0, 1], the bytes below; PyTorch's `add_image` clips the two values outside (1.5 and -0.25) to 255 and 0,
    /// which tensorboardX leaves to wrap around (126 and 193).
    static let planes: [Float] = [0, 0.5, 1, 1.5, -0.25, 0.999, 0.00392, 0.25, 0.1, 0.2, 0.3, 0.7]
    static let pixels: [UInt8] = [0, 0, 25, 127, 254, 51, 255, 0, 76, 255, 63, 178]

    @Test func chwPlanesBecomeInterleavedPixels() throws {
        let image = try PixelImage(values: Self.planes, width: 2, height: 2, channels: 3, layout: .chw)
        #expect(image.format == .rgb)
        #expect(image.pixels == Self.pixels)
    }

    @Test func hwcValuesKeepTheirOrder() throws {
        // The same pixels, laid out HWC.
        var interleaved: [Double] = []
        for pixel in 0..<4 { for channel in 0..<3 { interleaved.append(Double(Self.planes[channel * 4 + pixel])) } }
        let image = try PixelImage(values: interleaved, width: 2, height: 2, channels: 3)
        #expect(image.pixels == Self.pixels)
    }

    @Test(arguments: [(Float.nan, UInt8(0)), (.infinity, 255), (-.infinity, 0), (1 / 255, 1), (0.9999, 254)])
    func valuesAreScaledClippedAndTruncated(value: Float, byte: UInt8) {
        #expect(PixelImage.byte(value) == byte)
    }

    @Test(arguments: [(3, 2, 2, 5), (12, 2, 2, 4), (12, 0, 6, 1), (11, 2, 2, 3), (0, 1, 1, 0)])
    func wrongShapesAreRefused(count: Int, width: Int, height: Int, channels: Int) {
        #expect(throws: PixelImage.Error.self) {
            try PixelImage(
                values: [Float](repeating: 0.5, count: count),
                width: width,
                height: height,
                channels: channels
            )
        }
    }
}
