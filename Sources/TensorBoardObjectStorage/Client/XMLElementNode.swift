// XMLElementNode.swift: one element of a small XML document S3 sent, with its text and child elements.

/// An element of an XML response: its name (with any namespace prefix), the text directly inside it (entities
/// decoded, pieces between child elements joined) and its child elements in order. Attributes are not kept: S3's
/// error and listing bodies carry nothing in them that the client reads.
package struct XMLElementNode: Sendable, Equatable {
    /// The element's name, such as `Contents`.
    package var name: String
    /// Its own text content, decoded.
    package var text: String
    /// Its child elements.
    package var children: [XMLElementNode]

    /// Creates an element.
    package init(name: String, text: String = "", children: [XMLElementNode] = []) {
        self.name = name
        self.text = text
        self.children = children
    }

    /// The first child called `name`.
    package func child(_ name: String) -> XMLElementNode? { children.first { $0.name == name } }

    /// Every child called `name`, in order.
    package func children(_ name: String) -> [XMLElementNode] { children.filter { $0.name == name } }
}
