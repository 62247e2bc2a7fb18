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
        let lines = text.fileLines
        let fences = lines.indices.filter { lines[$0].trimmingTrailingSpaces == "---" }
        guard let first = lines.firstIndex(where: { !$0.trimmingTrailingSpaces.isEmpty }),
              fences.first == first else {
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
            let bodyEnd = pair + 2 < fences.count ? fences[pair + 2] : lines.count
            let (body, start) = lines[(close + 1)..<bodyEnd].joined(separator: "\n").trimmedWithStart
            sections.append(Section(
                frontMatter: lines[(open + 1)..<close].joined(separator: "\n"),
                frontMatterLine: open + 2,
                body: body, bodyLine: close + 2 + start.lines, bodyColumn: start.column))
        }
        return .success(SectionedFile(path: path, sections: sections))
    }
}

extension String {
    /// Without leading and trailing blanks and blank lines, and where what is left starts: how many lines
    /// down, and at which column (in Unicode scalars, from 1) of that line.
    var trimmedWithStart: (text: String, start: (lines: Int, column: Int)) {
        // The same white space as `trimmed` takes off.
        let lead = unicodeScalars.prefix { $0.properties.isWhitespace }
        let lines = lead.filter { $0 == "\n" }.count
        let column = lead.reversed().prefix { $0 != "\n" }.count + 1
        return (trimmed, (lines, column))
    }

    /// The lines as an editor numbers them: cut at each "\n", less one "\r" before it (Windows line ends).
    /// Cut by bytes, not Characters: to Swift "\r\n" is one Character, so a String never splits at its
    /// "\n", and "\r\r\n" with its "\r\n" replaced becomes "\r\n" again.
    var fileLines: [String] {
        utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
            String(decoding: line.last == UInt8(ascii: "\r") ? line.dropLast() : line, as: UTF8.self)
        }
    }

    /// Walks back by index: `dropLast()` on a Substring costs the length of the line each time, which made
    /// a line of 15,000 spaces take half a second (found by the long fuzz run).
    var trimmingTrailingSpaces: String {
        var end = endIndex
        while end > startIndex {
            let before = index(before: end)
            guard self[before] == " " || self[before] == "\t" else { break }
            end = before
        }
        return String(self[..<end])
    }
}
