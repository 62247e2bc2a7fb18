/// A place in a Markdown text as an editor sees it: the line from 1, and the column from 1 in Unicode
/// scalars (as every diagnostic of the toolkit counts them).
public struct MarkdownPosition: Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) { self.line = line; self.column = column }
    public var description: String { "\(line):\(column)" }
}

/// The text's bytes with both ways of numbering its lines. cmark numbers lines cut at "\n", "\r" or "\r\n",
/// and counts columns in bytes. Content lines end at "\n" alone (the loader took the "\r" of each "\r\n"
/// off), so a lone "\r" left inside a line starts a new line for cmark but not for the editor.
struct SourceLines {
    let bytes: [UInt8]
    /// The byte offset where each of cmark's lines starts: cmark's line n at index n - 1.
    private let cmarkStarts: [Int]
    /// The byte offset where each of the editor's lines starts.
    private let editorStarts: [Int]

    init(_ text: String) {
        bytes = Array(text.utf8)
        var cmark = [0], editor = [0]
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\n"):
                cmark.append(index + 1); editor.append(index + 1)
            case UInt8(ascii: "\r"):
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") {
                    index += 1
                    editor.append(index + 1)
                }
                cmark.append(index + 1)
            default: break
            }
            index += 1
        }
        cmarkStarts = cmark
        editorStarts = editor
    }

    /// The byte offset of cmark's line and byte column (both from 1), kept inside the text.
    func offset(cmarkLine line: Int, column: Int) -> Int {
        let start = cmarkStarts[min(max(line, 1), cmarkStarts.count) - 1]
        return min(start + max(column, 1) - 1, end(ofCmarkLine: line))
    }

    /// The byte offset where cmark's line ends, before its line ending.
    func end(ofCmarkLine line: Int) -> Int {
        let index = min(max(line, 1), cmarkStarts.count)
        guard index < cmarkStarts.count else { return bytes.count }
        var end = cmarkStarts[index]
        // Back over the line ending: "\n", "\r" or "\r\n".
        if end > 0, bytes[end - 1] == UInt8(ascii: "\n") { end -= 1 }
        if end > 0, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return end
    }

    /// Where a byte offset is, for the editor.
    func position(ofOffset offset: Int) -> MarkdownPosition {
        positions(ofOffsets: [offset])[0]
    }

    /// Where each byte offset is, for the editor, in the order given. The columns are counted in one pass
    /// over the offsets in order, so that many places on one long line cost that line once.
    func positions(ofOffsets offsets: [Int]) -> [MarkdownPosition] {
        var positions = Array(repeating: MarkdownPosition(line: 1, column: 1), count: offsets.count)
        var line = 0, counted = 0, column = 1
        for index in offsets.indices.sorted(by: { offsets[$0] < offsets[$1] }) {
            let offset = min(max(offsets[index], 0), bytes.count)
            while line + 1 < editorStarts.count, editorStarts[line + 1] <= offset {
                line += 1; counted = editorStarts[line]; column = 1
            }
            // Continuation bytes (10xxxxxx) belong to the scalar before them.
            while counted < offset {
                if bytes[counted] & 0xC0 != 0x80 { column += 1 }
                counted += 1
            }
            positions[index] = MarkdownPosition(line: line + 1, column: column)
        }
        return positions
    }

    /// The editor's place of cmark's line and byte column.
    func position(cmarkLine line: Int, column: Int) -> MarkdownPosition {
        position(ofOffset: offset(cmarkLine: line, column: column))
    }
}
