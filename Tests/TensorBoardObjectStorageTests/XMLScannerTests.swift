// XMLScannerTests.swift: the XML scanner on S3's bodies, on references, and on malformed input.

import Testing

@testable import TensorBoardObjectStorage

/// ``XMLScanner``, ``S3ErrorResponse`` and ``ListBucketResult``.
struct XMLScannerTests {
    /// A real S3 error body, with its declaration and namespace.
    @Test func readsAnErrorBody() {
        let body = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message>\
            <Key>a&amp;b</Key><RequestId>tx1</RequestId></Error>
            """
        #expect(
            S3ErrorResponse(parsing: Array(body.utf8))
                == S3ErrorResponse(code: "NoSuchKey", message: "The specified key does not exist.")
        )
        #expect(
            S3ErrorResponse(parsing: Array("<html>502 Bad Gateway</html>".utf8))
                == S3ErrorResponse(code: "", message: "")
        )
        #expect(S3ErrorResponse(parsing: Array("not xml <".utf8)) == S3ErrorResponse(code: "", message: ""))
        #expect(S3ErrorResponse(parsing: []) == S3ErrorResponse(code: "", message: ""))
    }

    /// The five entities, decimal and hexadecimal references, CDATA, comments, attributes holding `>`, and empty
    /// elements.
    @Test(arguments: [
        ("<a>&lt;&gt;&amp;&quot;&apos;</a>", "<>&\"'"),
        ("<a>&#65;&#x42;&#X43;&#233;&#x1F600;</a>", "ABCé😀"),
        ("<a>x<!-- <b>not</b> -->y</a>", "xy"),
        ("<a><![CDATA[<raw> & ]]></a>", "<raw> & "),
        ("<a q='>' r=\"/>\">ü</a>", "ü"),
        ("\u{FEFF}<?xml version=\"1.0\"?>\n<a>t</a>\n", "t"),
        ("<a/>", ""),
        ("<a >t</a >", "t"),
    ])
    func decodesText(xml: String, text: String) throws {
        #expect(try XMLScanner.parse(Array(xml.utf8)).text == text)
    }

    /// Nesting and repeated children.
    @Test func readsChildren() throws {
        let root = try XMLScanner.parse(Array("<r><c>1</c><d><e/></d><c>2</c></r>".utf8))
        #expect(root.children("c").map(\.text) == ["1", "2"])
        #expect(root.child("d")?.child("e") == XMLElementNode(name: "e"))
        #expect(root.child("missing") == nil)
    }

    /// Malformed input is an error, never a trap.
    @Test(arguments: [
        "", "   ", "text", "<a>", "<a></b>", "</a>", "<a></a><b></b>", "<a>&unknown;</a>", "<a>&#0;</a>",
        "<a>&#xD800;</a>", "<a>&#x110000;</a>", "<a>&#12a;</a>", "<a>& b</a>", "<a>&amp</a>", "<a", "<a b='>",
        "<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>", "<a><!-- open</a>", "<a><![CDATA[open</a>", "<>t</>",
        "<a>t</a>trailing", "<a/><a/>", "<?xml", "<a><b></a></b>", "<a>&#;</a>", "<a>&#x;</a>",
        "<a>&#99999999999999999999;</a>",
    ])
    func rejectsMalformedXML(xml: String) {
        #expect(throws: XMLScanError.self) { try XMLScanner.parse(Array(xml.utf8)) }
    }

    /// Invalid UTF-8 and nesting past the limit are errors too.
    @Test func rejectsInvalidUTF8AndDeepNesting() {
        #expect(throws: XMLScanError.self) { try XMLScanner.parse([60, 97, 62, 0xFF, 60, 47, 97, 62]) }
        let deep = String(repeating: "<a>", count: 100) + String(repeating: "</a>", count: 100)
        #expect(throws: XMLScanError.self) { try XMLScanner.parse(Array(deep.utf8)) }
    }

    /// A listing page with escaped keys; pages missing what they must hold are errors.
    @Test func readsListingPages() throws {
        let page = try ListBucketResult(
            parsing: Array(
                ("<ListBucketResult><Contents><Key>a&amp;b &lt;c&gt;</Key><Size>10</Size></Contents>"
                    + "<IsTruncated>true</IsTruncated><NextContinuationToken>t+1</NextContinuationToken>"
                    + "</ListBucketResult>").utf8
            )
        )
        #expect(
            page
                == ListBucketResult(
                    objects: [StoredObject(key: "a&b <c>", size: 10)],
                    isTruncated: true,
                    nextContinuationToken: "t+1"
                )
        )
        for bad in [
            "<Error/>", "<ListBucketResult><Contents><Size>1</Size></Contents></ListBucketResult>",
            "<ListBucketResult><Contents><Key>k</Key><Size>-1</Size></Contents></ListBucketResult>",
            "<ListBucketResult><Contents><Key>k</Key><Size>x</Size></Contents></ListBucketResult>",
            "<ListBucketResult><IsTruncated>maybe</IsTruncated></ListBucketResult>",
        ] {
            #expect(throws: XMLScanError.self) { try ListBucketResult(parsing: Array(bad.utf8)) }
        }
    }
}
