// ListBucketResult.swift: one page of a ListObjectsV2 listing, read from its XML.

/// One page of `ListObjectsV2`: `<ListBucketResult>` with `<Contents><Key>…</Key><Size>…</Size></Contents>`
/// entries, `<IsTruncated>` and, when truncated, `<NextContinuationToken>`.
///
/// A page must be complete: every entry has a key and a non-negative size, `IsTruncated` is `true` or `false`,
/// and a truncated page names the token of the next one (else the listing could not go on, or would loop).
package struct ListBucketResult: Sendable, Equatable {
    /// The page's objects, in the server's order.
    package var objects: [StoredObject]
    /// Whether more pages follow.
    package var isTruncated: Bool
    /// The token of the next page, when truncated.
    package var nextContinuationToken: String?

    /// Creates a page.
    package init(objects: [StoredObject], isTruncated: Bool, nextContinuationToken: String?) {
        self.objects = objects
        self.isTruncated = isTruncated
        self.nextContinuationToken = nextContinuationToken
    }

    /// Reads a page.
    /// - Throws: ``XMLScanError`` for malformed XML or a page that is incomplete as described above.
    package init(parsing body: [UInt8]) throws(XMLScanError) {
        let root = try XMLScanner.parse(body)
        guard root.name == "ListBucketResult" else {
            throw XMLScanError("the root element is <\(root.name)>, not <ListBucketResult>")
        }
        var objects: [StoredObject] = []
        for (number, entry) in root.children("Contents").enumerated() {
            guard let key = entry.child("Key")?.text else { throw XMLScanError("entry \(number + 1) has no <Key>") }
            guard let sizeText = entry.child("Size")?.text, let size = Int64(sizeText), size >= 0 else {
                throw XMLScanError("entry \(number + 1) has no valid <Size>")
            }
            objects.append(StoredObject(key: key, size: size))
        }
        let truncated = root.child("IsTruncated")?.text ?? "false"
        guard truncated == "true" || truncated == "false" else {
            throw XMLScanError("<IsTruncated> is neither true nor false")
        }
        let token = root.child("NextContinuationToken")?.text
        if truncated == "true", token?.isEmpty ?? true {
            throw XMLScanError("a truncated page without <NextContinuationToken>")
        }
        self.init(objects: objects, isTruncated: truncated == "true", nextContinuationToken: token)
    }
}
