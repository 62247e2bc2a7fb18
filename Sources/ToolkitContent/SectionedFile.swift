import Foundation
import ToolkitModel

/// A content file cut into sections: each is front matter between `---` lines, then a Markdown body.
/// A question file has several: the question, then one per item of guidance.
struct SectionedFile {
    struct Section {
        var frontMatter: String
        /// The line of the first front matter line (1-based).
        var frontMatterLine: Int
        /// The Markdown after the front matter, without leading and trailing blank lines.
        var body: String
        /// Where the body's first line starts (1-based): its first character that is not blank, so that a
        /// place inside the body maps to the file's exactly.
        var bodyLine: Int
        var bodyColumn: Int

        /// Where the body starts in the file at `path`.
        func bodyStart(in path: String) -> SourceLocation {
            SourceLocation(file: path, line: bodyLine, column: bodyColumn)
        }
    }

    var path: String
    var sections: [Section]

    /// Fails with a diagnostic when the file does not start with front matter or a block is not closed.
    static func parse(_ text: String, path: String) -> Result<SectionedFile, Diagnostic> {
        var text = text
        return text.withUTF8 { parse(FileLines($0), path: path) }
    }

    private static func parse(_ lines: FileLines, path: String) -> Result<SectionedFile, Diagnostic> {
        let fences = lines.ranges.indices.filter { lines.isFence($0) }
        guard let first = lines.ranges.indices.first(where: { !lines.isBlank($0) }), fences.first == first else {
            return .failure(.error("the file does not start with front matter",
                                   at: SourceLocation(file: path, line: 1, column: 1),
                                   fix: "start the file with a line '---', the settings, then another line '---'"))
        }
        guard fences.count % 2 == 0 else {
            let last = fences.last!
            return .failure(.error("front matter opened on this line is never closed",
                                   at: SourceLocation(file: path, line: last + 1, column: 1),
                                   fix: "add a line '---' after the settings, or use '***' for a horizontal rule in Markdown"))
        }
        var sections: [Section] = []
        for pair in stride(from: 0, to: fences.count, by: 2) {
            let open = fences[pair], close = fences[pair + 1]
            let bodyEnd = pair + 2 < fences.count ? fences[pair + 2] : lines.ranges.count
            let (body, start) = lines.trimmedWithStart((close + 1)..<bodyEnd)
            sections.append(Section(
                frontMatter: lines.joined((open + 1)..<close),
                frontMatterLine: open + 2,
                body: body, bodyLine: close + 2 + start.lines, bodyColumn: start.column))
        }
        return .success(SectionedFile(path: path, sections: sections))
    }
}

/// A file's lines as an editor numbers them, over its UTF-8 bytes: cut at each "\n", less one "\r" before
/// it (Windows line ends). Cut by bytes, not Characters: to Swift "\r\n" is one Character, so a String never
/// splits at its "\n", and "\r\r\n" with its "\r\n" replaced becomes "\r\n" again. Used only while the
/// bytes it reads are there (inside `withUTF8`).
struct FileLines {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Each line's bytes, without its "\n" and the one "\r" before it.
    private(set) var ranges: [Range<Int>] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        var start = 0
        // memchr finds each "\n" many bytes at a time: the file's every byte is looked at here.
        while start < bytes.count, let found = memchr(bytes.baseAddress! + start, 0x0A, bytes.count - start) {
            let index = bytes.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
            ranges.append(start..<(index > start && bytes[index - 1] == UInt8(ascii: "\r") ? index - 1 : index))
            start = index + 1
        }
        let last = bytes.count > start && bytes[bytes.count - 1] == UInt8(ascii: "\r") ? bytes.count - 1 : bytes.count
        ranges.append(start..<last)
    }

    /// Where the line ends without its trailing spaces and tabs. Walks back by index: a line of 15,000
    /// spaces once took half a second (found by the long fuzz run).
    private func endWithoutBlanks(_ line: Int) -> Int {
        var end = ranges[line].upperBound
        while end > ranges[line].lowerBound, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t") { end -= 1 }
        return end
    }

    func isBlank(_ line: Int) -> Bool { endWithoutBlanks(line) == ranges[line].lowerBound }

    /// `---`, trailing spaces and tabs allowed.
    func isFence(_ line: Int) -> Bool {
        let start = ranges[line].lowerBound
        return endWithoutBlanks(line) - start == 3
            && bytes[start] == UInt8(ascii: "-") && bytes[start + 1] == UInt8(ascii: "-") && bytes[start + 2] == UInt8(ascii: "-")
    }

    /// Where the lines are in the bytes when they lie there as they are joined: no "\r" was taken off
    /// between them.
    private func span(_ lines: Range<Int>) -> Range<Int>? {
        guard let first = lines.first, let last = lines.last else { return nil }
        guard lines.dropLast().allSatisfy({ bytes[ranges[$0].upperBound] == UInt8(ascii: "\n") }) else { return nil }
        return ranges[first].lowerBound..<ranges[last].upperBound
    }

    private func text(_ span: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[span]), as: UTF8.self)
    }

    /// The lines joined by "\n".
    func joined(_ lines: Range<Int>) -> String {
        guard let first = lines.first else { return "" }
        if let span = span(lines) { return text(span) }
        var joined: [UInt8] = []
        for line in lines {
            if line != first { joined.append(UInt8(ascii: "\n")) }
            joined.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[ranges[line]]))
        }
        return String(decoding: joined, as: UTF8.self)
    }

    /// `joined(lines).trimmedWithStart`, trimmed on the bytes where the white space at both ends is ASCII,
    /// so the text is made once.
    func trimmedWithStart(_ lines: Range<Int>) -> (text: String, start: (lines: Int, column: Int)) {
        guard let span = span(lines) else { return joined(lines).trimmedWithStart }
        var from = span.lowerBound, to = span.upperBound
        while from < to, Self.isASCIIWhiteSpace(bytes[from]) { from += 1 }
        while to > from, Self.isASCIIWhiteSpace(bytes[to - 1]) { to -= 1 }
        // At either end a character beyond ASCII, which may be white space: Swift's own reading.
        if from < to, bytes[from] >= 0x80 || bytes[to - 1] >= 0x80 { return joined(lines).trimmedWithStart }
        let breaks = (span.lowerBound..<from).filter { bytes[$0] == UInt8(ascii: "\n") }
        return (text(from..<to), (breaks.count, from - (breaks.last.map { $0 + 1 } ?? span.lowerBound) + 1))
    }

    private static func isASCIIWhiteSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
}

extension String {
    /// Without leading and trailing blanks and blank lines, and where what is left starts: how many lines
    /// down, and at which column (in Unicode scalars, from 1) of that line.
    var trimmedWithStart: (text: String, start: (lines: Int, column: Int)) {
        // The same white space as `trimmed` takes off.
        let lead = unicodeScalars.prefix(while: \.isWhiteSpace)
        let lines = lead.filter { $0 == "\n" }.count
        let column = lead.reversed().prefix { $0 != "\n" }.count + 1
        return (trimmed, (lines, column))
    }
}
