// WAVEncoder.swift: 16-bit PCM WAV files, as TensorFlow's `encode_wav` writes them.

/// Encodes samples as a 16-bit little-endian PCM WAV file: the 44-byte RIFF header (`fmt ` chunk of 16 bytes,
/// format 1) and the samples, interleaved by channel. Each sample `x` becomes `round(x * 32768)` (halves away
/// from zero, in `Float`) clamped to [-32768, 32767], as TensorFlow's `encode_wav`, which `tf.summary.audio`
/// uses, converts it; NaN becomes 0.
package enum WAVEncoder {
    /// Why samples cannot be encoded.
    package struct InvalidInput: Error, Sendable, Equatable {
        /// Which argument, and what is wrong with it.
        package var reason: String
    }

    /// The WAV file of `samples`.
    /// - Parameters:
    ///   - samples: The samples, frame after frame, each frame one sample per channel.
    ///   - sampleRate: Frames per second, from 1 to `UInt32.max / (2 * channelCount)`.
    ///   - channelCount: Samples per frame, from 1 to 65,535.
    /// - Throws: ``InvalidInput`` when the rate or channel count is out of range, the samples are not whole
    ///   frames, or the data would not fit a WAV file's 32-bit sizes.
    package static func encode(_ samples: [Float], sampleRate: Int, channelCount: Int) throws(InvalidInput) -> [UInt8] {
        guard (1...65_535).contains(channelCount) else {
            throw InvalidInput(reason: "channelCount must be from 1 to 65535, not \(channelCount)")
        }
        let byteRate = sampleRate.multipliedReportingOverflow(by: 2 * channelCount)
        guard sampleRate >= 1, !byteRate.overflow, byteRate.partialValue <= Int(UInt32.max) else {
            throw InvalidInput(reason: "sampleRate \(sampleRate) is not from 1 to what a WAV header holds")
        }
        guard samples.count % channelCount == 0 else {
            throw InvalidInput(reason: "\(samples.count) samples are not whole frames of \(channelCount) channels")
        }
        let dataSize = samples.count * 2
        guard dataSize <= Int(UInt32.max) - 36 else {
            throw InvalidInput(reason: "\(samples.count) samples are more than a WAV file holds")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(44 + dataSize)
        func append32(_ value: Int) {
            for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> shift)) }
        }
        func append16(_ value: Int) {
            bytes.append(UInt8(truncatingIfNeeded: value))
            bytes.append(UInt8(truncatingIfNeeded: value >> 8))
        }
        bytes += Array("RIFF".utf8)
        append32(36 + dataSize)
        bytes += Array("WAVEfmt ".utf8)
        append32(16)
        append16(1)
        append16(channelCount)
        append32(sampleRate)
        append32(byteRate.partialValue)
        append16(2 * channelCount)
        append16(16)
        bytes += Array("data".utf8)
        append32(dataSize)
        for sample in samples { append16(Int(pcm(sample))) }
        return bytes
    }

    /// One sample as a 16-bit integer.
    package static func pcm(_ sample: Float) -> Int16 {
        let scaled = (sample * 32_768).rounded(.toNearestOrAwayFromZero)
        guard !scaled.isNaN else { return 0 }
        return Int16(min(max(scaled, -32_768), 32_767))
    }
}
