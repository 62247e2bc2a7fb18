/// A template's text cut into text and tags, each tag with its line and column. Text is cut after each
/// newline too, so that `TemplateLines` can see which tags stand alone on their lines.
enum TemplatePiece {
    case text(ArraySlice<UInt8>)
    case tag(TemplateTag)
}

struct TemplateTag {
    enum Kind { case value, unescaped, section, inverted, close, comment, partial, delimiters }
    var kind: Kind
    var name: String
    var line: Int
    var column: Int
    /// For a partial alone on its line: the spaces before it.
    var indentation: [UInt8] = []

    /// Tags that take their line with them when nothing but spaces shares it.
    var canStandAlone: Bool { kind != .value && kind != .unescaped }
}

struct TemplateScanner {
    private let bytes: [UInt8]
    private var open: [UInt8] = Array("{{".utf8)
    private var close: [UInt8] = Array("}}".utf8)
    private var index = 0, line = 1, column = 1
    private(set) var errors: [TemplateError] = []

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func pieces() -> [TemplatePiece] {
        var pieces: [TemplatePiece] = []
        var textStart = 0
        func endText(at end: Int) {
            if end > textStart { pieces.append(.text(bytes[textStart..<end])) }
        }
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") {
                endText(at: index + 1)
                index += 1; line += 1; column = 1
                textStart = index
            } else if starts(with: open, at: index) {
                endText(at: index)
                guard let tag = readTag() else { return pieces }
                if let tag { pieces.append(.tag(tag)) }
                textStart = index
            } else {
                advance()
            }
        }
        endText(at: bytes.count)
        return pieces
    }

    /// The tag at `index`, moving past it; nil at a tag with no end, after which nothing can be read.
    /// The inner nil is a tag that was wrong, reported, and skipped.
    private mutating func readTag() -> TemplateTag?? {
        let (tagLine, tagColumn) = (line, column)
        let bodyStart = index + open.count
        let sigil = bodyStart < bytes.count ? bytes[bodyStart] : 0
        // `{{{name}}}` ends with one more brace; `{{=<% %>=}}` with an '='.
        let ending: [UInt8] = sigil == UInt8(ascii: "{") ? [UInt8(ascii: "}")] + close
            : sigil == UInt8(ascii: "=") ? [UInt8(ascii: "=")] + close : close
        var end = bodyStart + (sigil == UInt8(ascii: "{") || sigil == UInt8(ascii: "=") ? 1 : 0)
        while end < bytes.count, !starts(with: ending, at: end) { end += 1 }
        guard end < bytes.count else {
            errors.append(TemplateError(message: "the tag is not closed", line: tagLine, column: tagColumn,
                                        fix: "end it with \(String(decoding: ending, as: UTF8.self))"))
            return nil
        }
        let kind: TemplateTag.Kind
        var body = bytes[bodyStart..<end]
        switch sigil {
        case UInt8(ascii: "{"), UInt8(ascii: "&"): kind = .unescaped
        case UInt8(ascii: "#"): kind = .section
        case UInt8(ascii: "^"): kind = .inverted
        case UInt8(ascii: "/"): kind = .close
        case UInt8(ascii: "!"): kind = .comment
        case UInt8(ascii: ">"): kind = .partial
        case UInt8(ascii: "="): kind = .delimiters
        default: kind = .value
        }
        if kind != .value { body = body.dropFirst() }
        while index < end + ending.count { advance() }
        let name = String(decoding: body, as: UTF8.self).trimmingSpaces
        func problem(_ message: String, _ fix: String) -> TemplateTag?? {
            errors.append(TemplateError(message: message, line: tagLine, column: tagColumn, fix: fix))
            return .some(nil)
        }
        switch kind {
        case .comment:
            return TemplateTag(kind: kind, name: "", line: tagLine, column: tagColumn)
        case .delimiters:
            let parts = name.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
            guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
                return problem("the tag that changes the delimiters is not of the form {{=<% %>=}}",
                               "give the new opening and closing delimiters, with a space between them")
            }
            (open, close) = (Array(parts[0].utf8), Array(parts[1].utf8))
            return TemplateTag(kind: kind, name: "", line: tagLine, column: tagColumn)
        default:
            break
        }
        if sigil == UInt8(ascii: "<") || sigil == UInt8(ascii: "$") {
            return problem("the toolkit's templates do not inherit from parent templates ({{< name}} and {{$ block}})",
                           "include the shared parts with partials, {{> name}}")
        }
        if sigil == UInt8(ascii: "%") {
            return problem("the toolkit's templates take no settings ({{% ... }})", "remove the tag: every page is HTML")
        }
        guard !name.isEmpty else { return problem("the tag has no name", "write the value's name inside the braces") }
        if kind == .partial, name.hasPrefix("*") {
            return problem("a partial's name cannot come from a value ({{> *name}})", "name the template to include: {{> name}}")
        }
        if name.contains(where: { $0 == "(" || $0 == ")" }) {
            return problem("the toolkit's templates have no transforms, such as 'uppercased(name)'",
                           "make the value you need in Swift (theme/README.md lists every value), and write {{name}}")
        }
        if name.contains(where: \.isWhitespace) {
            return problem("the name '\(name)' has a space in it", "a tag holds one name, such as {{title}} or {{t.common.back}}")
        }
        if kind != .partial, name != ".", name.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty) {
            return problem("the name '\(name)' has an empty part", "write the parts of a name with one dot between them, such as {{t.common.back}}")
        }
        return TemplateTag(kind: kind, name: name, line: tagLine, column: tagColumn)
    }

    private func starts(with token: [UInt8], at position: Int) -> Bool {
        guard !token.isEmpty, position + token.count <= bytes.count else { return false }
        for offset in 0..<token.count where bytes[position + offset] != token[offset] { return false }
        return true
    }

    /// One byte on, counting columns in characters as an editor does (UTF-8's continuation bytes add none).
    private mutating func advance() {
        if bytes[index] == UInt8(ascii: "\n") {
            line += 1; column = 1
        } else if bytes[index] & 0xC0 != 0x80 {
            column += 1
        }
        index += 1
    }
}

extension String {
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
