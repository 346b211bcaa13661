// PNGEncoder.swift: encodes 8-bit pixels as PNG, compressing with the system zlib.

import CZlib

/// Encodes a ``PixelImage`` as a PNG file: signature, `IHDR`, one `IDAT` holding the zlib-compressed rows
/// (each with filter type 0), and `IEND`; chunk checksums are zlib's CRC-32.
package enum PNGEncoder {
    /// Why encoding failed.
    package struct Error: Swift.Error, Sendable, Equatable {
        /// zlib's return code.
        package var zlibCode: Int32
    }

    private static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// The PNG encoding of `image`.
    /// - Parameters:
    ///   - image: The pixels.
    ///   - compressionLevel: zlib's level, 0 (none) to 9 (smallest); 6 by default.
    /// - Returns: The PNG file's bytes.
    /// - Throws: ``Error`` if zlib fails (only when memory runs out).
    package static func encode(_ image: PixelImage, compressionLevel: Int32 = 6) throws(Error) -> [UInt8] {
        let rowBytes = image.width * image.format.channelCount
        var raw = [UInt8](repeating: 0, count: (rowBytes + 1) * image.height)
        raw.withUnsafeMutableBufferPointer { destination in
            image.pixels.withUnsafeBufferPointer { source in
                for row in 0..<image.height {
                    // Filter type 0 (None) is the first byte of each row, already 0.
                    let target = UnsafeMutableBufferPointer(rebasing: destination[(row * (rowBytes + 1) + 1)...])
                    _ = target.initialize(from: source[(row * rowBytes)..<((row + 1) * rowBytes)])
                }
            }
        }
        let compressed = try deflate(raw, level: compressionLevel)

        var header: [UInt8] = []
        append32(UInt32(image.width), to: &header)
        append32(UInt32(image.height), to: &header)
        let colorType: UInt8
        switch image.format {
        case .gray: colorType = 0
        case .grayAlpha: colorType = 4
        case .rgb: colorType = 2
        case .rgba: colorType = 6
        }
        header += [8, colorType, 0, 0, 0]  // bit depth 8, colour type, deflate, adaptive filtering, no interlace

        var png = signature
        appendChunk("IHDR", header, to: &png)
        appendChunk("IDAT", compressed, to: &png)
        appendChunk("IEND", [], to: &png)
        return png
    }

    private static func deflate(_ data: [UInt8], level: Int32) throws(Error) -> [UInt8] {
        var capacity = compressBound(uLong(data.count))
        var output = [UInt8](repeating: 0, count: Int(capacity))
        let code = output.withUnsafeMutableBufferPointer { destination in
            data.withUnsafeBufferPointer { source in
                compress2(destination.baseAddress, &capacity, source.baseAddress, uLong(source.count), level)
            }
        }
        guard code == Z_OK else { throw Error(zlibCode: code) }
        output.removeLast(output.count - Int(capacity))
        return output
    }

    private static func append32(_ value: UInt32, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
    }

    private static func appendChunk(_ type: String, _ data: [UInt8], to png: inout [UInt8]) {
        append32(UInt32(data.count), to: &png)
        let typeAndData = Array(type.utf8) + data
        png += typeAndData
        let checksum = typeAndData.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }
        append32(UInt32(truncatingIfNeeded: checksum), to: &png)
    }
}
