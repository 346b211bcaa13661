// LegacyConversion.swift: legacy histogram and image forms turned into their modern shapes.

/// Turns histogram and image values into buckets and image samples, as TensorBoard's loaders convert them.
enum LegacyConversion {
    /// The buckets of a legacy `HistogramProto`, as TensorBoard's Python loader converts them: empty buckets at
    /// both ends are dropped, the first left edge is `min` and the last right edge is `max`; each other bucket
    /// spans from the previous limit to its own. (That loader then rounds to 32-bit floats; this keeps the
    /// stored doubles.)
    static func buckets(of histogram: HistogramProto) -> [HistogramBucket] {
        let counts = histogram.bucketCounts
        let limits = histogram.bucketLimits
        guard let first = counts.firstIndex(where: { $0 > 0 }), let last = counts.lastIndex(where: { $0 > 0 }) else {
            return []
        }
        var buckets: [HistogramBucket] = []
        for index in first...last {
            let left = index == first ? histogram.min : (index - 1 < limits.count ? limits[index - 1] : histogram.max)
            let right = index == last ? histogram.max : (index < limits.count ? limits[index] : histogram.max)
            buckets.append(HistogramBucket(leftEdge: left, rightEdge: right, count: counts[index]))
        }
        return buckets
    }

    /// The buckets of a modern `[k, 3]` histogram tensor, or `nil` when it is not one.
    static func buckets(of tensor: TensorProto) -> [HistogramBucket]? {
        // `numbers(of:)` returns exactly as many elements as the (overflow-checked) shape holds: k × 3.
        guard let sizes = tensor.shape?.sizes, sizes.count == 2, sizes[1] == 3,
            let numbers = TensorValues.numbers(of: tensor)
        else { return nil }
        return stride(from: 0, to: numbers.count, by: 3).map {
            HistogramBucket(leftEdge: numbers[$0], rightEdge: numbers[$0 + 1], count: numbers[$0 + 2])
        }
    }

    /// The images of a modern image tensor `[width, height, image...]`, or `nil` when it is not one.
    static func images(of tensor: TensorProto) -> ImageSample? {
        guard tensor.dataType == .string, tensor.stringValues.count >= 2 else { return nil }
        let width = Int(String(decoding: tensor.stringValues[0], as: UTF8.self)) ?? 0
        let height = Int(String(decoding: tensor.stringValues[1], as: UTF8.self)) ?? 0
        return ImageSample(width: width, height: height, images: Array(tensor.stringValues.dropFirst(2)))
    }
}
