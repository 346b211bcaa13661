// PixelImage+Floats.swift: an image from floating-point values in [0, 1], laid out HWC or CHW.

extension PixelImage {
    /// Where each value of a floating-point image sits: PyTorch's `dataformats`.
    public enum Layout: Sendable, Equatable {
        /// Height, width, channels: a pixel's channels together (TensorFlow's and Keras's order).
        case hwc
        /// Channels, height, width: one plane per channel (PyTorch's tensors, `add_image`'s default).
        case chw
    }

    /// Creates an image from values in [0, 1], converted as PyTorch's `add_image` converts a float tensor:
    /// `x * 255` clipped to [0, 255] and truncated toward zero (NaN as 0). One channel is gray, two gray and
    /// alpha, three RGB and four RGBA.
    /// - Parameters:
    ///   - values: `channels × height × width` values, in `layout`'s order.
    ///   - width: Width in pixels.
    ///   - height: Height in pixels.
    ///   - channels: 1 to 4.
    ///   - layout: The order of `values`; `.hwc` by default.
    /// - Throws: ``Error`` when the size is not positive, the channel count is not 1 to 4, or the value count is
    ///   not `channels × height × width`.
    public init<Value: BinaryFloatingPoint>(
        values: [Value],
        width: Int,
        height: Int,
        channels: Int,
        layout: Layout = .hwc
    ) throws(Error) {
        guard let format = Format(rawValue: channels) else { throw .invalidChannelCount(channels) }
        guard width > 0, height > 0 else { throw .invalidSize(width: width, height: height) }
        let (area, overflow1) = width.multipliedReportingOverflow(by: height)
        let (count, overflow2) = area.multipliedReportingOverflow(by: channels)
        guard !overflow1, !overflow2, values.count == count else {
            throw .pixelCountMismatch(expected: overflow1 || overflow2 ? Int.max : count, received: values.count)
        }
        var pixels = [UInt8](repeating: 0, count: count)
        for pixel in 0..<area {
            for channel in 0..<channels {
                let source = layout == .hwc ? pixel * channels + channel : channel * area + pixel
                pixels[pixel * channels + channel] = Self.byte(values[source])
            }
        }
        try self.init(width: width, height: height, format: format, pixels: pixels)
    }

    /// `x * 255` clipped to [0, 255] and truncated, as numpy's `clip` then `astype(uint8)`; NaN as 0.
    static func byte<Value: BinaryFloatingPoint>(_ value: Value) -> UInt8 {
        let scaled = Float(value) * 255
        guard scaled > 0 else { return 0 }
        return scaled >= 255 ? 255 : UInt8(scaled.rounded(.towardZero))
    }
}
