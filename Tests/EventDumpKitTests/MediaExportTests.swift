import Foundation
import TestSupport
import Testing

@testable import EventDumpKit
@testable import TensorBoardEvents

/// `eventdump images` and `eventdump audio`: listing, exporting the stored bytes, refusing to overwrite.
@Suite struct MediaExportTests {
    let directory = TemporaryDirectory()
    private let peers = packageRoot + "/fixtures/peers"
    private let tensorboardX = packageRoot + "/fixtures/exports/tensorboardx"

    private func bytes(_ path: String) throws -> [UInt8] {
        try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// TF's `max_outputs=2` sample of two gray images: two files, `0-0.png` and `0-1.png`, of the lengths
    /// TensorBoard's loader reads (fixtures/peers/expected/tf_summary.json: 80 and 81 bytes).
    @Test func severalImagesOfOneSampleGetAnIndexEach() throws {
        let output = directory.path + "/out"
        let result = eventdump("images", peers + "/tf_summary", "--tag", "gray_2_of_2", "--output", output)
        #expect(result.status == 0)
        #expect(result.errors == "wrote 2 images (161 bytes) under \(output)\n")
        let folder = output + "/run_a/images%2Fgray_2_of_2"
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["0-0.png", "0-1.png"])
        #expect(try bytes(folder + "/0-0.png").count == 80)
        #expect(try bytes(folder + "/0-1.png").count == 81)
        #expect(try Array(bytes(folder + "/0-1.png").prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
        let listing = eventdump("images", peers + "/tf_summary", "--tag", "gray_2_of_2", "--format", "csv")
        #expect(
            listing.output
                == "run,tag,step,wall_time,index,width,height,bytes,format\nrun_a,images/gray_2_of_2,0,1795476533.447639,0,4,3,80,png\nrun_a,images/gray_2_of_2,0,1795476533.447639,1,4,3,81,png\n"
        )
    }

    /// A legacy `Summary.Image` holding a JPEG (Pillow's, written by tensorboardX's file writer) keeps its
    /// bytes and gets `.jpg`; the root run `.` becomes `%2E`.
    @Test func aLegacyJPEGKeepsItsBytesAndExtension() throws {
        let output = directory.path + "/out"
        #expect(eventdump("images", tensorboardX, "--output", output).status == 0)
        let file = try bytes(output + "/%2E/image%2Fjpeg/2.jpg")
        #expect(Array(file.prefix(3)) == [0xFF, 0xD8, 0xFF] && Array(file.suffix(2)) == [0xFF, 0xD9])
    }

    /// A legacy `Summary.Audio` WAV (Python's wave module): a RIFF/WAVE file of 44 header bytes and 800 frames
    /// of 16-bit mono.
    @Test func aLegacyAudioClipIsWrittenAsItsWAV() throws {
        let output = directory.path + "/clips"
        let result = eventdump("audio", tensorboardX, "--output", output)
        #expect(
            result == Invocation(status: 0, output: "", errors: "wrote 1 audio clip (1644 bytes) under \(output)\n")
        )
        let file = try bytes(output + "/%2E/audio%2Ftone/3.wav")
        #expect(file.count == 44 + 800 * 2)
        #expect(Array(file.prefix(4)) == Array("RIFF".utf8) && Array(file[8..<12]) == Array("WAVE".utf8))
        #expect(
            eventdump("audio", tensorboardX, "--format", "csv").output
                == "run,tag,step,wall_time,index,bytes,format\n.,audio/tone,3,1700000003.0,0,1644,wav\n"
        )
    }

    @Test func anExistingFileIsNeverReplacedWithoutForce() throws {
        let output = directory.path + "/out"
        let target = output + "/run_a/images%2Frgba_1/0.png"
        #expect(eventdump("images", peers + "/tf_summary", "--tag", "rgba_1", "--output", output).status == 0)
        let exported = try bytes(target)
        #expect(writeFile(Array("mine".utf8), to: target))
        #expect(
            eventdump("images", peers + "/tf_summary", "--tag", "rgba_1", "--output", output)
                == Invocation(
                    status: 1,
                    output: "",
                    errors: "Error: refusing to replace '\(target)': it exists (--force replaces it)\n"
                )
        )
        #expect(try bytes(target) == Array("mine".utf8))
        let forced = eventdump("images", peers + "/tf_summary", "--tag", "rgba_1", "--output", output, "--force")
        #expect(forced.status == 0)
        #expect(try bytes(target) == exported)
    }

    @Test func exportOptionsAreCheckedAsUsage() {
        #expect(eventdump("images", peers + "/tf_summary", "--force").status == 2)
        #expect(eventdump("audio", peers + "/tf_summary", "--output", directory.path, "--format", "csv").status == 2)
        #expect(eventdump("images", peers + "/tf_summary", "--output", "").status == 2)
    }
}
