/// One segment (sentence, headline, caption, list item) cut from a document.
///
/// A segment is a range into the text it was cut from, never a copy: the text between and around
/// segments is whitespace, and segments plus those gaps give back the document exactly.
public struct Segment: Hashable, Sendable {
    /// The segment's place in the text, in UTF-16 code units (what ICU and `String.utf16` count).
    public var range: Range<Int>
    /// The paragraph the segment belongs to, counting from 0; a blank line starts a new one.
    public var paragraph: Int

    public init(range: Range<Int>, paragraph: Int) {
        self.range = range
        self.paragraph = paragraph
    }

    /// The segment's text in `text`, the string it was cut from.
    public func text(in text: String) -> Substring {
        let utf16 = text.utf16
        let start = utf16.index(utf16.startIndex, offsetBy: range.lowerBound)
        let end = utf16.index(start, offsetBy: range.count)
        return text[start..<end]
    }
}
