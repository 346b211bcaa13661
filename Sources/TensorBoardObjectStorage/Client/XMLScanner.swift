// XMLScanner.swift: a small XML reader for S3's response bodies (errors, listings), without FoundationXML.

/// Reads the XML that S3 answers with into ``XMLElementNode``s. Foundation's `XMLParser` lives in FoundationXML on
/// Linux, which needs libxml2 at run time, and S3's bodies use a small part of XML: elements, text, the five
/// predefined entities, numeric character references, and perhaps a declaration, comments or CDATA.
///
/// The scanner checks what it reads and never traps on input: end tags must match start tags, there is exactly
/// one root element, text outside it is only white space, references are known and name valid scalars, text is
/// UTF-8, nesting is at most ``maximumDepth``. Document type declarations are refused (S3 sends none, and
/// refusing them rules out entity expansion). Attributes are skipped (quoted values may hold `>`).
package enum XMLScanner {
    /// The deepest nesting accepted; S3's bodies nest three or four levels.
    package static let maximumDepth = 64

    /// The root element of `bytes`.
    /// - Throws: ``XMLScanError`` for anything that is not well-formed as described above.
    package static func parse(_ bytes: [UInt8]) throws(XMLScanError) -> XMLElementNode {
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var stack: [XMLElementNode] = []
        var root: XMLElementNode?

        func close(_ node: XMLElementNode, at offset: Int) throws(XMLScanError) {
            if stack.isEmpty {
                guard root == nil else { throw XMLScanError("a second root element at byte \(offset)") }
                root = node
            } else {
                stack[stack.count - 1].children.append(node)
            }
        }

        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                let end = bytes[index...].firstIndex(of: UInt8(ascii: "<")) ?? bytes.count
                let text = try decode(bytes[index..<end], at: index)
                if stack.isEmpty {
                    guard text.utf8.allSatisfy(isSpace) else {
                        throw XMLScanError("text outside the root at byte \(index)")
                    }
                } else {
                    stack[stack.count - 1].text += text
                }
                index = end
                continue
            }
            if matches("<?", bytes, at: index) {
                index = try end(of: "?>", bytes, from: index)
            } else if matches("<!--", bytes, at: index) {
                index = try end(of: "-->", bytes, from: index)
            } else if matches("<![CDATA[", bytes, at: index) {
                let start = index + 9
                index = try end(of: "]]>", bytes, from: index)
                guard !stack.isEmpty else { throw XMLScanError("CDATA outside the root at byte \(start)") }
                guard let text = String(validating: bytes[start..<(index - 3)], as: UTF8.self) else {
                    throw XMLScanError("CDATA that is not UTF-8 at byte \(start)")
                }
                stack[stack.count - 1].text += text
            } else if matches("<!", bytes, at: index) {
                throw XMLScanError("a document type declaration at byte \(index) (not accepted)")
            } else if matches("</", bytes, at: index) {
                let after = try end(of: ">", bytes, from: index)
                let name = try tagName(bytes[(index + 2)..<(after - 1)], at: index)
                guard let open = stack.popLast() else {
                    throw XMLScanError("</\(name)> without a start at byte \(index)")
                }
                guard open.name == name else {
                    throw XMLScanError("</\(name)> at byte \(index) closes <\(open.name)>")
                }
                try close(open, at: index)
                index = after
            } else {
                let after = try endOfStartTag(bytes, from: index)
                let content = bytes[(index + 1)..<(after - 1)]
                let selfClosing = content.last == UInt8(ascii: "/")
                let name = try tagName(content.prefix { !isSpace($0) && $0 != UInt8(ascii: "/") }, at: index)
                guard stack.isEmpty || stack.count < maximumDepth else {
                    throw XMLScanError("elements nested deeper than \(maximumDepth) at byte \(index)")
                }
                if stack.isEmpty, root != nil { throw XMLScanError("a second root element at byte \(index)") }
                if selfClosing {
                    try close(XMLElementNode(name: name), at: index)
                } else {
                    stack.append(XMLElementNode(name: name))
                }
                index = after
            }
        }
        if let open = stack.last { throw XMLScanError("<\(open.name)> is not closed") }
        guard let root else { throw XMLScanError("no root element") }
        return root
    }

    /// Whether `pattern` occurs in `bytes` at `index`.
    private static func matches(_ pattern: String, _ bytes: [UInt8], at index: Int) -> Bool {
        bytes[index...].starts(with: pattern.utf8)
    }

    /// The index just past the first `terminator` after `index`'s construct begins.
    private static func end(of terminator: String, _ bytes: [UInt8], from index: Int) throws(XMLScanError) -> Int {
        let pattern = Array(terminator.utf8)
        var position = index + 1
        while position + pattern.count <= bytes.count {
            if bytes[position..<(position + pattern.count)].elementsEqual(pattern) { return position + pattern.count }
            position += 1
        }
        throw XMLScanError("unterminated markup at byte \(index) (no \(terminator))")
    }

    /// The index just past the `>` ending the start tag at `index`, skipping quoted attribute values.
    private static func endOfStartTag(_ bytes: [UInt8], from index: Int) throws(XMLScanError) -> Int {
        var quote: UInt8?
        var position = index + 1
        while position < bytes.count {
            let byte = bytes[position]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: "<") {
                break
            } else if byte == UInt8(ascii: ">") {
                return position + 1
            }
            position += 1
        }
        throw XMLScanError("unterminated tag at byte \(index)")
    }

    /// A tag's name, which must be non-empty UTF-8 without markup characters (trailing white space allowed).
    private static func tagName(_ raw: ArraySlice<UInt8>, at index: Int) throws(XMLScanError) -> String {
        var slice = raw
        while let last = slice.last, isSpace(last) { slice = slice.dropLast() }
        let forbidden: Set<UInt8> = [
            UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "/"), UInt8(ascii: "="), UInt8(ascii: "\""),
            UInt8(ascii: "'"), UInt8(ascii: "&"),
        ]
        guard !slice.isEmpty, !slice.contains(where: { isSpace($0) || forbidden.contains($0) }),
            let name = String(validating: slice, as: UTF8.self)
        else { throw XMLScanError("a malformed tag name at byte \(index)") }
        return name
    }

    /// `raw` text with its references decoded: `&lt;`, `&gt;`, `&amp;`, `&quot;`, `&apos;`, `&#NN;`, `&#xNN;`.
    private static func decode(_ raw: ArraySlice<UInt8>, at offset: Int) throws(XMLScanError) -> String {
        guard let text = String(validating: raw, as: UTF8.self) else {
            throw XMLScanError("text that is not UTF-8 at byte \(offset)")
        }
        guard text.contains("&") else { return text }
        var decoded = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            decoded += rest[..<ampersand]
            let afterAmpersand = rest.index(after: ampersand)
            guard let semicolon = rest[afterAmpersand...].prefix(12).firstIndex(of: ";") else {
                throw XMLScanError("an unterminated reference in the text at byte \(offset)")
            }
            decoded.unicodeScalars.append(try reference(rest[afterAmpersand..<semicolon], at: offset))
            rest = rest[rest.index(after: semicolon)...]
        }
        return decoded + rest
    }

    /// The scalar a reference's body (between `&` and `;`) stands for.
    private static func reference(_ body: Substring, at offset: Int) throws(XMLScanError) -> Unicode.Scalar {
        switch body {
        case "lt": return "<"
        case "gt": return ">"
        case "amp": return "&"
        case "quot": return "\""
        case "apos": return "'"
        default: break
        }
        var value: UInt32?
        if body.hasPrefix("#x") || body.hasPrefix("#X") {
            let digits = body.dropFirst(2)
            value = digits.allSatisfy(\.isHexDigit) ? UInt32(digits, radix: 16) : nil
        } else if body.hasPrefix("#") {
            let digits = body.dropFirst()
            value = digits.allSatisfy({ $0.isASCII && $0.isNumber }) ? UInt32(digits, radix: 10) : nil
        }
        guard let value, value != 0, let scalar = Unicode.Scalar(value) else {
            throw XMLScanError("an unknown or invalid reference &\(body.prefix(12)); in the text at byte \(offset)")
        }
        return scalar
    }

    /// XML white space: space, tab, line feed, carriage return.
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
