/// One interface string as written in a locale file: text with named placeholders, `{count}`, filled in
/// when the string is used, and links, `[load your answers](#/answers)`, so that a translator sees a
/// whole sentence with its link in place. The runtime's `t()` in theme/assets/page.js reads the same forms.
public enum MessagePiece: Sendable, Equatable {
    case text(String)
    case placeholder(String)
    /// A link's words (which may hold placeholders) and where it goes.
    case link(words: [MessagePiece], target: String)
}

public enum InterfaceMessage {
    /// The pieces of a string. Braces or brackets that do not make a placeholder or a link are text.
    public static func pieces(_ message: String) -> [MessagePiece] {
        var pieces: [MessagePiece] = []
        var text = ""
        var rest = message[...]
        func flush() {
            if !text.isEmpty { pieces.append(.text(text)); text = "" }
        }
        while let character = rest.first {
            if character == "{", let (name, after) = placeholder(at: rest) {
                flush(); pieces.append(.placeholder(name)); rest = after; continue
            }
            if character == "[", let (words, target, after) = link(at: rest) {
                flush(); pieces.append(.link(words: self.pieces(String(words)), target: String(target))); rest = after; continue
            }
            text.append(character)
            rest = rest.dropFirst()
        }
        flush()
        return pieces
    }

    /// `{name}` at the start of `text`: a letter, then letters and digits.
    static func placeholder(at text: Substring) -> (String, Substring)? {
        let body = text.dropFirst()
        let name = body.prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }
        guard let first = name.first, first.isLetter, body.dropFirst(name.count).first == "}" else { return nil }
        return (String(name), body.dropFirst(name.count + 1))
    }

    /// `[words](target)` at the start of `text`, with no line break, ']' in the words, or space in the target.
    static func link(at text: Substring) -> (Substring, Substring, Substring)? {
        guard let close = text.firstIndex(of: "]"), text[text.index(after: close)...].first == "(" else { return nil }
        let words = text[text.index(after: text.startIndex)..<close]
        let targetStart = text.index(close, offsetBy: 2)
        guard let end = text[targetStart...].firstIndex(of: ")"), !words.isEmpty, !words.contains("\n") else { return nil }
        let target = text[targetStart..<end]
        guard !target.isEmpty, !target.contains(where: \.isWhitespace) else { return nil }
        return (words, target, text[text.index(after: end)...])
    }

    /// Every placeholder's name with its offset in Characters from the start of the string, links' words included.
    public static func placeholders(in message: String) -> [(name: String, offset: Int)] {
        var found: [(String, Int)] = []
        var offset = 0
        var rest = message[...]
        while let character = rest.first {
            if character == "{", let (name, after) = placeholder(at: rest) {
                found.append((name, offset))
                offset += rest.count - after.count
                rest = after
                continue
            }
            offset += 1
            rest = rest.dropFirst()
        }
        return found
    }

    /// The targets of the string's links.
    public static func linkTargets(in message: String) -> [String] {
        pieces(message).compactMap { if case let .link(_, target) = $0 { target } else { nil } }
    }

    /// The string as plain text: placeholders filled from `values` (left as written when a value is missing),
    /// links as their words.
    public static func text(_ message: String, _ values: [String: String]) -> String { text(pieces(message), values) }

    /// The string as HTML: its text escaped, values escaped, links as `<a href>` elements.
    public static func html(_ message: String, _ values: [String: String]) -> String { html(pieces(message), values) }

    static func text(_ pieces: [MessagePiece], _ values: [String: String]) -> String {
        if pieces.count == 1, case let .text(text) = pieces[0] { return text }
        return render(pieces, values, link: { words, _ in words }, escape: { $0 })
    }

    static func html(_ pieces: [MessagePiece], _ values: [String: String]) -> String {
        render(pieces, values, link: { words, target in "<a href=\"\(target.htmlEscaped)\">\(words)</a>" }, escape: \.htmlEscaped)
    }

    private static func render(_ pieces: [MessagePiece], _ values: [String: String], link: (String, String) -> String,
                               escape: (String) -> String) -> String {
        pieces.map { piece in
            switch piece {
            case let .text(text): escape(text)
            case let .placeholder(name): escape(values[name] ?? "{\(name)}")
            case let .link(words, target): link(render(words, values, link: link, escape: escape), target)
            }
        }.joined()
    }
}
