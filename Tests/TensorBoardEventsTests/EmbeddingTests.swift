import Foundation
import TestSupport
import Testing

@testable import TensorBoardEvents

/// Embeddings for the projector, against the files tensorboardX 2.6.5's `add_embedding` wrote for the same
/// inputs (`fixtures/projector`, made by scripts/make_projector_fixtures.py); scripts/check-with-tensorboard
/// reads ours with the projector plugin's own routes.
@Suite struct EmbeddingTests {
    let directory = TemporaryDirectory()
    let fixtures = packageRoot + "/fixtures/projector"

    private struct Inputs: Decodable {
        struct Embedding: Decodable {
            var tag: String
            var step: Int64
            var dtype: String
            var vectors: [[String]]
            var labels: [String]?
            var header: [String]?
            var rows: [[String]]?
            var images: Images?
            var sprite: Sprite?
        }
        struct Images: Decodable {
            var side: Int
            var count: Int
            var pixels: String
        }
        struct Sprite: Decodable {
            var side: Int
            var filled_rows: Int
            var pixels: String
        }
        var embeddings: [Embedding]
    }

    private func inputs() throws -> Inputs {
        try JSONDecoder().decode(Inputs.self, from: Data(contentsOf: URL(fileURLWithPath: fixtures + "/inputs.json")))
    }

    private func images(_ images: Inputs.Images) throws -> [PixelImage] {
        let bytes = try #require(Data(base64Encoded: images.pixels).map { [UInt8]($0) })
        let size = images.side * images.side * 3
        return try (0..<images.count).map { index in
            try PixelImage(
                width: images.side,
                height: images.side,
                format: .rgb,
                pixels: Array(bytes[(index * size)..<((index + 1) * size)])
            )
        }
    }

    private func doubles(_ rows: [[String]]) -> [[Double]] {
        rows.map { $0.map { Double(bitPattern: UInt64($0, radix: 16) ?? 0) } }
    }

    private func write(_ embedding: Inputs.Embedding, with writer: SummaryWriter) throws {
        let sprite = try embedding.images.map(images)
        let values = doubles(embedding.vectors)
        if embedding.dtype == "float32" {
            let floats = values.map { $0.map { Float($0) } }
            try writer.embedding(
                floats,
                labels: embedding.labels,
                images: sprite,
                tag: embedding.tag,
                step: embedding.step
            )
        } else if let header = embedding.header, let rows = embedding.rows {
            try writer.embedding(
                values,
                metadata: rows,
                header: header,
                images: sprite,
                tag: embedding.tag,
                step: embedding.step
            )
        } else {
            try writer.embedding(
                values,
                labels: embedding.labels,
                images: sprite,
                tag: embedding.tag,
                step: embedding.step
            )
        }
    }

    private func contents(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    @Test func filesEqualTensorboardXsByteForByte() throws {
        let run = directory.path + "/run"
        let writer = try SummaryWriter(runDirectory: run)
        let inputs = try inputs()
        for embedding in inputs.embeddings { try write(embedding, with: writer) }
        try writer.close()
        let peer = fixtures + "/tensorboardx"
        #expect(contents(run + "/projector_config.pbtxt") == contents(peer + "/projector_config.pbtxt"))
        for embedding in inputs.embeddings {
            let path = ProjectorFiles.stepName(embedding.step) + "/" + ProjectorFiles.directoryName(tag: embedding.tag)
            #expect(contents("\(peer)/\(path)/tensors.tsv") != nil, "the fixture holds \(path)")
            for name in ["tensors.tsv", "metadata.tsv"] {
                #expect(contents("\(run)/\(path)/\(name)") == contents("\(peer)/\(path)/\(name)"), "\(path)/\(name)")
            }
        }
    }

    @Test func spriteGridEqualsTensorboardXsMakeSprite() throws {
        let embedding = try #require(try inputs().embeddings.first { $0.sprite != nil })
        let expected = try #require(embedding.sprite)
        let given = try images(#require(embedding.images))
        let sprite = try #require(try SpriteSheet.make(given))
        #expect(sprite.width == expected.side && sprite.height == expected.side && sprite.format == .rgb)
        let filled = expected.filled_rows * expected.side * 3
        #expect(Array(sprite.pixels.prefix(filled)) == [UInt8](try #require(Data(base64Encoded: expected.pixels))))
        #expect(sprite.pixels.dropFirst(filled).allSatisfy { $0 == 0 }, "the rows below the grid are black")
    }

    @Test func grayAndAlphaImagesMakeAnRGBASpriteWithTransparentPadding() throws {
        let gray = try PixelImage(width: 1, height: 1, format: .gray, pixels: [7])
        let grayAlpha = try PixelImage(width: 1, height: 1, format: .grayAlpha, pixels: [9, 100])
        let sprite = try #require(try SpriteSheet.make([gray, grayAlpha, gray]))
        // Three images: a 2 × 2 grid, the last cell empty.
        #expect(sprite.format == .rgba && sprite.width == 2 && sprite.height == 2)
        #expect(sprite.pixels == [7, 7, 7, 255, 9, 9, 9, 100, 7, 7, 7, 255, 0, 0, 0, 0])
    }

    @Test func tagsAreEscapedInTheConfigAsProtobufsTextFormat() throws {
        let run = directory.path + "/escaped"
        let writer = try SummaryWriter(runDirectory: run)
        try writer.embedding([[1.0, 2.0]], tag: "a \"b\" é\\/\n", step: -3)
        let config = try String(contentsOfFile: run + "/projector_config.pbtxt", encoding: .utf8)
        #expect(
            config == """
                embeddings {
                tensor_name: "a \\"b\\" \\303\\251\\\\/\\n:-0003"
                tensor_path: "-0003/a \\"b\\" \\303\\251%5c%2f\\n/tensors.tsv"
                }

                """
        )
    }

    @Test func eachTagAndStepIsWrittenOnce() throws {
        let run = directory.path + "/twice"
        let writer = try SummaryWriter(runDirectory: run)
        try writer.embedding([[Float(1), 2]], labels: ["a"], tag: "x", step: 0)
        try writer.embedding([[Float(1), 2]], labels: ["a"], tag: "x", step: 1)
        try writer.embedding([[Float(1), 2]], labels: ["a"], tag: "y", step: 0)
        let before = contents(run + "/projector_config.pbtxt")
        #expect {
            try writer.embedding([[Float(3), 4]], tag: "x", step: 0)
        } throws: { error in
            guard let error = error as? EventFileError, case .invalidSummary(let reason) = error.code else {
                return false
            }
            return reason.contains("already written") && error.path == run + "/projector_config.pbtxt"
        }
        #expect(contents(run + "/projector_config.pbtxt") == before)
        #expect(String(decoding: before ?? Data(), as: UTF8.self).components(separatedBy: "embeddings {").count == 4)
        #expect(contents(run + "/00000/x/tensors.tsv") == Data("1.0\t2.0\n".utf8))
    }

    @Test(arguments: [
        ("ragged", [[1, 2], [3]] as [[Float]], ["a", "b"], nil as [PixelImage]?, "x"),
        ("no points", [], nil, nil, "x"),
        ("label count", [[1], [2]], ["a"], nil, "x"),
        ("tab in a label", [[1]], ["a\tb"], nil, "x"),
        ("blank label", [[1]], [" "], nil, "x"),
        ("non-finite", [[.nan]], nil, nil, "x"),
        ("tag ..", [[1]], nil, nil, ".."),
        ("empty tag", [[1]], nil, nil, ""),
    ])
    func badInputIsRefusedAndNothingWritten(
        _ name: String,
        vectors: [[Float]],
        labels: [String]?,
        images: [PixelImage]?,
        tag: String
    ) throws {
        let run = directory.path + "/bad"
        let writer = try SummaryWriter(runDirectory: run)
        #expect(throws: EventFileError.self, "\(name)") {
            try writer.embedding(vectors, labels: labels, images: images, tag: tag, step: 0)
        }
        #expect(contents(run + "/projector_config.pbtxt") == nil)
        #expect(!FileManager.default.fileExists(atPath: run + "/00000"))
    }

    @Test func imagesOfAnotherSizeOrNotSquareAndShortTablesAreRefused() throws {
        let writer = try SummaryWriter(runDirectory: directory.path + "/images")
        let square = try PixelImage(width: 2, height: 2, format: .gray, pixels: [1, 2, 3, 4])
        let wide = try PixelImage(width: 2, height: 1, format: .gray, pixels: [1, 2])
        let small = try PixelImage(width: 1, height: 1, format: .gray, pixels: [1])
        for images in [[square, small], [wide, wide], [square]] {
            #expect(throws: EventFileError.self) {
                try writer.embedding([[Float(1)], [2]], images: images, step: 0)
            }
        }
        #expect(throws: EventFileError.self) {
            try writer.embedding([[Float(1)]], metadata: [["a"]], header: ["only"], step: 0)
        }
        #expect(throws: EventFileError.self) {
            try writer.embedding([[Float(1)]], metadata: [["a"]], header: ["one", "two"], step: 0)
        }
    }
}
