// SummaryWriter+Images.swift: image summaries, PNG-encoded.

extension SummaryWriter {
    /// Logs one image, PNG-encoded, as TensorBoard's image summary does: a rank-1 DT_STRING tensor
    /// `[width, height, png]` with plugin `images`.
    /// - Parameters:
    ///   - tag: The series name.
    ///   - image: The pixels.
    ///   - step: The step.
    ///   - wallTime: Seconds since the epoch; the current time by default, and in place of a non-finite value.
    /// - Throws: ``EventFileError`` when a flush fails or the writer is closed.
    public func image(_ tag: String, _ image: PixelImage, step: Int64, wallTime: Double? = nil) throws(EventFileError) {
        try images(tag, [image], step: step, wallTime: wallTime)
    }

    /// Logs several images at one step (shown with a slider in TensorBoard): `[width, height, png...]`, where
    /// the width and height are those of the first image.
    /// - Parameters:
    ///   - tag: The series name.
    ///   - images: The images; an empty list logs an empty sample.
    ///   - step: The step.
    ///   - wallTime: Seconds since the epoch; the current time by default, and in place of a non-finite value.
    /// - Throws: ``EventFileError`` when a flush fails or the writer is closed.
    public func images(
        _ tag: String,
        _ images: [PixelImage],
        step: Int64,
        wallTime: Double? = nil
    ) throws(EventFileError) {
        var strings: [[UInt8]] = [
            Array(String(images.first?.width ?? 0).utf8),
            Array(String(images.first?.height ?? 0).utf8),
        ]
        for image in images {
            // zlib fails only when memory runs out; then the image is logged without pixels rather than trapping.
            strings.append((try? PNGEncoder.encode(image)) ?? [])
        }
        let tensor = TensorProto.strings(strings, shape: [Int64(strings.count)])
        try append(tag: tag, kind: .tensor(tensor), metadata: .images, step: step, wallTime: wallTime)
    }
}
