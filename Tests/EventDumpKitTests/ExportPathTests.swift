import Foundation
import TestSupport
import Testing

@testable import EventDumpKit
@testable import TensorBoardEvents

/// Run names and tags become one safe path component each (percent-encoding, as `eventdump images --help`
/// documents it), never leave the export directory, and stay distinct.
@Suite struct ExportPathTests {
    let directory = TemporaryDirectory()

    /// A name and the component the documented mapping gives it.
    static let cases: [(name: String, component: String)] = [
        ("train/images", "train%2Fimages"),
        ("..", "%2E."),
        (".", "%2E"),
        ("", "%"),
        ("../../etc/passwd", "..%2F..%2Fetc%2Fpasswd"),
        ("/absolute", "%2Fabsolute"),
        ("a%2Fb", "a%252Fb"),
        ("tab\there", "tab%09here"),
        ("nul\u{0}byte", "nul%00byte"),
        ("esc\u{1B}[31m", "esc%1B[31m"),
        ("del\u{7F}", "del%7F"),
        ("back\\slash:colon*?", "back%5Cslash%3Acolon%2A%3F"),
        ("rtl\u{202E}override", "rtl%E2%80%AEoverride"),
        ("Ünïcode 图像", "Ünïcode 图像"),
        ("nbsp\u{A0}", "nbsp%C2%A0"),
        (LosslessUTF8.decode(Array("raw".utf8) + [0xFF]), "raw%FF"),
        (LosslessUTF8.decode(Array("raw".utf8) + [0xFE]), "raw%FE"),
        (LosslessUTF8.decode([0xEF, 0x9E, 0x80]), "%EF%9E%80"),  // valid U+F780, the escape range
    ]

    @Test(arguments: cases)
    func aNameBecomesOneSafeComponent(_ name: String, _ component: String) {
        let mapped = ExportPath.component(name)
        #expect(mapped == component)
        #expect(!mapped.isEmpty && mapped != "." && mapped != ".." && !mapped.contains("/"))
        #expect(!mapped.utf8.contains(0) && !LosslessUTF8.containsEscapes(mapped))
    }

    @Test func differentNamesNeverShareAComponent() {
        let components = Self.cases.map { ExportPath.component($0.name) }
        #expect(Set(components).count == Self.cases.count)
        // A run `a` with tag `b/c` and a run `a/b` with tag `c` would meet if `/` were a directory level.
        #expect(
            ExportPath.relativePath(run: "a", tag: "b/c", step: 0, index: nil, fileExtension: "png")
                != ExportPath.relativePath(run: "a/b", tag: "c", step: 0, index: nil, fileExtension: "png")
        )
    }

    /// Every case as a tag of one image sample, exported: each lands in its own directory under the export
    /// directory, named as the mapping says.
    @Test func exportedFilesStayInsideTheDirectory() throws {
        let writer = try SummaryWriter(runDirectory: directory.path + "/logs/run")
        let image = try PixelImage(width: 1, height: 1, format: .gray, pixels: [7])
        for (step, entry) in Self.cases.enumerated() where !entry.name.isEmpty {
            try writer.image(entry.name, image, step: Int64(step), wallTime: 1)
        }
        try writer.close()
        let output = directory.path + "/out"
        let result = eventdump("images", directory.path + "/logs", "--output", output)
        #expect(result.status == 0)
        let expectedCount = Self.cases.count - 1
        #expect(result.errors.hasPrefix("wrote \(expectedCount) images ("))
        let tagDirectories = try FileManager.default.contentsOfDirectory(atPath: output + "/run")
        #expect(Set(tagDirectories) == Set(Self.cases.filter { !$0.name.isEmpty }.map(\.component)))
        for (step, entry) in Self.cases.enumerated() where !entry.name.isEmpty {
            #expect(FileManager.default.fileExists(atPath: "\(output)/run/\(entry.component)/\(step).png"))
        }
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/etc"))
    }
}
