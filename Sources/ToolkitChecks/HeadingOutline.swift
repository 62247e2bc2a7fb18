import ToolkitModel

/// A heading found in Markdown text. `line` counts from 0 within the text; `column` from 1.
struct MarkdownHeading: Equatable {
    var level: Int
    var text: String
    var line: Int
    var column: Int
}

/// Finds the headings of a Markdown text the way a reader of the page meets them: `#` headings and
/// `===` / `--` underlined ones, leaving out code blocks and quotes. A light scanner, not a full parser:
/// it is enough to say where a heading is and what level it has.
enum MarkdownOutline {
    static func headings(in markdown: String) -> [MarkdownHeading] {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var headings: [MarkdownHeading] = []
        var fence: (marker: Character, length: Int)?
        var previousIsParagraph = false
        var previousIsBlankOrCode = true
        for (index, line) in lines.enumerated() {
            let indent = line.prefix { $0 == " " }.count
            let rest = line.dropFirst(indent)
            let isBlank = rest.trimmingBlanks.isEmpty
            if let open = fence {
                let run = rest.prefix { $0 == open.marker }.count
                if indent < 4, run >= open.length, rest.dropFirst(run).trimmingBlanks.isEmpty {
                    fence = nil
                }
                previousIsParagraph = false; previousIsBlankOrCode = true
                continue
            }
            if isBlank { previousIsParagraph = false; previousIsBlankOrCode = true; continue }
            if (indent >= 4 || line.hasPrefix("\t")) && previousIsBlankOrCode {
                continue  // an indented code block
            }
            if indent < 4, let marker = rest.first, marker == "`" || marker == "~" {
                let run = rest.prefix { $0 == marker }.count
                if run >= 3 { fence = (marker, run); previousIsParagraph = false; continue }
            }
            if indent < 4, rest.hasPrefix(">") { previousIsParagraph = false; previousIsBlankOrCode = false; continue }
            previousIsBlankOrCode = false
            if indent < 4, let heading = atx(rest, line: index, column: indent + 1) {
                headings.append(heading)
                previousIsParagraph = false
                continue
            }
            let trimmed = rest.trimmingBlanks
            if indent < 4, previousIsParagraph, !trimmed.isEmpty,
               trimmed.allSatisfy({ $0 == "=" }) || (trimmed.count >= 2 && trimmed.allSatisfy { $0 == "-" }) {
                let above = lines[index - 1]
                let aboveIndent = above.prefix { $0 == " " }.count
                headings.append(MarkdownHeading(level: trimmed.first == "=" ? 1 : 2,
                                                text: above.trimmingBlanks,
                                                line: index - 1, column: aboveIndent + 1))
                previousIsParagraph = false
                continue
            }
            previousIsParagraph = !isListItem(trimmed)
        }
        return headings
    }

    /// `## Title ##` -> level 2, "Title".
    private static func atx(_ text: Substring, line: Int, column: Int) -> MarkdownHeading? {
        let level = text.prefix { $0 == "#" }.count
        guard (1...6).contains(level) else { return nil }
        let after = text.dropFirst(level)
        guard after.isEmpty || after.first == " " || after.first == "\t" else { return nil }
        var title = after.trimmingBlanks
        // A closing run of #s, when it stands apart from the text, is not part of the title.
        let closing = title.reversed().prefix { $0 == "#" }.count
        if closing > 0, closing == title.count || title.dropLast(closing).last == " " {
            title = String(title.dropLast(closing)).trimmingBlanks
        }
        return MarkdownHeading(level: level, text: title, line: line, column: column)
    }

    private static func isListItem(_ text: String) -> Bool {
        if let first = text.first, "-*+".contains(first), text.dropFirst().first == " " { return true }
        let digits = text.prefix { $0.isNumber }
        return !digits.isEmpty && [".", ")"].contains(text.dropFirst(digits.count).first.map(String.init) ?? "")
    }
}

/// Headings in a text shown below the page's own level 1 title must start at level 2 and go down one
/// level at a time, or the outline that screen readers and the table of contents use breaks.
func checkHeadingOutline(_ markdown: String, startingAt start: SourceLocation) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    var previous = 1
    for (index, heading) in MarkdownOutline.headings(in: markdown).enumerated() {
        let location = SourceLocation(file: start.file, line: start.line + heading.line, column: heading.column)
        let shown = heading.text.isEmpty ? "(empty)" : heading.text
        if heading.level == 1 {
            diagnostics.append(.warning("the heading '\(shown)' is level 1, but the page's title is its only level 1 heading",
                                        at: location, fix: "make it level 2: write '## \(heading.text)'"))
        } else if heading.level > previous + 1 {
            let wanted = previous + 1
            let message = index == 0
                ? "the heading '\(shown)' is level \(heading.level), but the first heading in a text should be level 2"
                : "the heading '\(shown)' is level \(heading.level), but the heading before it is level \(previous): a level is skipped"
            diagnostics.append(.warning(message, at: location,
                                        fix: "make it level \(wanted): write '\(String(repeating: "#", count: wanted)) \(heading.text)', or add a level \(wanted) heading before it"))
        }
        previous = heading.level
    }
    return diagnostics
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs (no Foundation in the checks).
    var trimmingBlanks: String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(self[first...last])
    }
}
