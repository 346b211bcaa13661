// SummaryWriter+Audio.swift: audio clips for the Audio dashboard, WAV-encoded.

extension SummaryWriter {
    /// Logs audio clips at one step, as `tf.summary.audio` writes them: each clip 16-bit PCM WAV (see the
    /// conversion in the encoder's notes: `round(x * 32768)`, clamped), in a `[k, 2]` DT_STRING tensor of
    /// (WAV, label) rows with plugin `audio` (encoding WAV). TensorBoard shows the clips of a step with a
    /// slider and each label as Markdown.
    /// - Parameters:
    ///   - tag: The series name.
    ///   - clips: The clips, each its samples in [-1, 1] frame after frame (one sample per channel a frame).
    ///   - sampleRate: Frames per second.
    ///   - channelCount: Samples per frame; 1 (mono) by default.
    ///   - labels: A label per clip, or none (`tf.summary.audio` writes empty labels).
    ///   - step: The step, of any integer type that fits in `Int64` (else `.stepOutOfRange`).
    ///   - wallTime: Seconds since the epoch; the current time by default, and in place of a non-finite value.
    /// - Throws: ``EventFileError``: `.invalidSummary` when a clip is not whole frames, the rate or channel count
    ///   is out of range or the labels do not match the clips (nothing is written), or when a flush fails or
    ///   the writer is closed.
    public func audio<Step: BinaryInteger>(
        _ tag: String,
        _ clips: [[Float]],
        sampleRate: Int,
        channelCount: Int = 1,
        labels: [String] = [],
        step: Step,
        wallTime: Double? = nil
    ) throws(EventFileError) {
        let step = try eventStep(step)
        guard labels.isEmpty || labels.count == clips.count else {
            throw EventFileError(
                .invalidSummary(reason: "audio \(tag): \(labels.count) labels for \(clips.count) clips"),
                path: filePath
            )
        }
        var strings: [[UInt8]] = []
        for (index, clip) in clips.enumerated() {
            do throws(WAVEncoder.InvalidInput) {
                strings.append(try WAVEncoder.encode(clip, sampleRate: sampleRate, channelCount: channelCount))
            } catch {
                throw EventFileError(
                    .invalidSummary(reason: "audio \(tag), clip \(index): \(error.reason)"),
                    path: filePath
                )
            }
            strings.append(Array((labels.isEmpty ? "" : labels[index]).utf8))
        }
        let tensor = TensorProto.strings(strings, shape: [Int64(clips.count), 2])
        let metadata = SummaryMetadata(pluginName: "audio", content: AudioPluginData().serializedBytes())
        try append(tag: tag, kind: .tensor(tensor), metadata: metadata, step: step, wallTime: wallTime)
    }
}
