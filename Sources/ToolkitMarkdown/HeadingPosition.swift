import Ccmark

/// Where an underlined heading's words start. cmark places a heading at the start of its block, which for
/// an underlined heading includes any link reference definitions written just above its words, with no
/// blank line between: cmark takes them out of the heading, but the heading's place stays at the first.
/// When the block starts with a `[`, the heading's first line of words is found by parsing the text again
/// with a mark at the start of each of its lines in turn: the right line is the one whose mark starts the
/// heading's words, which are otherwise as before (a mark before a definition makes it words).
struct HeadingSearch {
    let lines: SourceLines
    let text: String

    /// The byte offset of heading number `index`'s words, found with cmark's help, or nil to keep cmark's
    /// place (the start of its block), which is right unless the block starts with a `[`.
    func wordsStart(ofHeading index: Int, level: Int, words: String, line: Int, column: Int, endLine: Int) -> Int? {
        let blockStart = lines.offset(cmarkLine: line, column: column)
        guard endLine > line, blockStart < lines.bytes.count, lines.bytes[blockStart] == UInt8(ascii: "[") else { return nil }
        let mark = (0xE000...0xF8FF).lazy.compactMap(Unicode.Scalar.init).first { !text.unicodeScalars.contains($0) } ?? "\u{E000}"
        for candidate in line...endLine {
            // After the line's quote markers and indent: where the words of a line of the block start.
            var offset = candidate == line ? blockStart : lines.offset(cmarkLine: candidate, column: 1)
            let prefix: Set<UInt8> = [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: ">")]
            while candidate != line, offset < lines.end(ofCmarkLine: candidate), prefix.contains(lines.bytes[offset]) { offset += 1 }
            if headingWords(index, level: level, withMark: mark, at: offset) == String(mark) + words { return offset }
        }
        return nil
    }

    /// The words of heading number `index` of the text with `mark` put in at `offset`, if it is still a
    /// heading of that level.
    private func headingWords(_ index: Int, level: Int, withMark mark: Unicode.Scalar, at offset: Int) -> String? {
        let marked = String(decoding: lines.bytes[..<offset] + Array(String(mark).utf8) + lines.bytes[offset...], as: UTF8.self)
        guard let document = cmark_parse_document(marked, marked.utf8.count, 0) else { return nil }
        defer { cmark_node_free(document) }
        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        var count = 0
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                  cmark_node_get_type(node) == CMARK_NODE_HEADING else { continue }
            if count == index {
                return Int(cmark_node_get_heading_level(node)) == level ? MarkdownDocument.words(of: node) : nil
            }
            count += 1
        }
        return nil
    }
}
