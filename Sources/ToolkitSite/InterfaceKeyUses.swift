import ToolkitModel

/// Where the templates and the runtime's files name interface strings, found by reading them: a template's
/// `{{t.KEY}}` (or `{{{t.KEY}}}` for a string with a link), and a script's `t("KEY")`, `plural("KEY", ...)`
/// and `textList("KEY")`. A script may name a family of keys by a literal start, `t(`priority.${id}`)`.
/// Each must be in the source locale file, of the kind its use needs; the runtime's keys are what
/// `text/interface.js` carries.
public struct InterfaceKeyUse: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A template's `{{t.KEY}}`: plain text, escaped by the template.
        case templateText
        /// A template's `{{{t.KEY}}}`: HTML, for a string with a link.
        case templateHTML
        /// A template's `{{#t.KEY}}` or `{{^t.KEY}}`.
        case templateSection
        case text, plural, list
        /// A script's call whose key is not written out (`t(name)`): the build can neither check it nor know
        /// to send its words to the browser.
        case unwritten
    }

    public var key: String
    /// True when `key` is the literal start of a family of keys.
    public var isPrefix: Bool
    public var kind: Kind
    public var location: SourceLocation

    /// Every `{{...t.KEY}}` of a template.
    public static func inTemplate(_ text: String, path: String) -> [InterfaceKeyUse] {
        var uses: [InterfaceKeyUse] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                var name = rest[open.upperBound...]
                rest = name
                var kind = Kind.templateText
                if let mark = name.first, "{#^/&".contains(mark) {
                    // A closing tag, {{/t.KEY}}, names the key its opening tag did.
                    if mark == "/" { continue }
                    kind = mark == "{" || mark == "&" ? .templateHTML : .templateSection
                    name = name.dropFirst()
                }
                name = name.drop { $0 == " " }
                guard name.hasPrefix("t.") else { continue }
                let key = name.dropFirst(2).prefix { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == ".") }
                guard !key.isEmpty else { continue }
                let column = line.distance(from: line.startIndex, to: name.startIndex) + 3
                uses.append(InterfaceKeyUse(key: String(key), isPrefix: false, kind: kind,
                                            location: SourceLocation(file: path, line: number + 1, column: column)))
            }
        }
        return uses
    }

    /// Every `t("KEY"`, `plural("KEY"` and `textList("KEY"` of a script, with quotes ' " or `.
    public static func inScript(_ text: String, path: String) -> [InterfaceKeyUse] {
        let functions: [(String, Kind)] = [("t(", .text), ("plural(", .plural), ("textList(", .list)]
        var uses: [InterfaceKeyUse] = []
        for (number, line) in lines(of: text).enumerated() where mayCall(line) {
            // Comments name the helpers without calling them.
            let start = line.drop { $0 == " " }
            if start.hasPrefix("//") || start.hasPrefix("*") || start.hasPrefix("/*") { continue }
            for (call, kind) in functions {
                var rest = line[...]
                while let found = rest.range(of: call) {
                    rest = rest[found.upperBound...]
                    // `split(` ends in "t(": a call is one whose name starts the word.
                    if found.lowerBound > line.startIndex, let before = line[..<found.lowerBound].last,
                       before.isLetter || before.isNumber || before == "_" || before == "$" { continue }
                    let argument = rest.drop { $0 == " " }
                    let column = line.distance(from: line.startIndex, to: argument.startIndex) + 1
                    guard let quote = argument.first, "\"'`".contains(quote) else {
                        // The helpers' own definitions in page.js take their key as a name.
                        if argument.first != ")", !line[..<found.lowerBound].hasSuffix("function ") {
                            uses.append(InterfaceKeyUse(key: String(call.dropLast()), isPrefix: false, kind: .unwritten,
                                                        location: SourceLocation(file: path, line: number + 1, column: column)))
                        }
                        continue
                    }
                    let body = argument.dropFirst().prefix { $0 != quote }
                    let isPrefix = quote == "`" && body.contains("${")
                    let key = isPrefix ? String(body[..<body.range(of: "${")!.lowerBound]) : String(body)
                    // `${group}.key` names no family the build could find: as good as no key written.
                    let written = !key.isEmpty && (!isPrefix || key.hasSuffix("."))
                    uses.append(InterfaceKeyUse(key: written ? key : String(call.dropLast()), isPrefix: isPrefix && written,
                                                kind: written ? kind : .unwritten,
                                                location: SourceLocation(file: path, line: number + 1, column: written ? column + 1 : column)))
                }
            }
        }
        return uses
    }

    /// The lines of a text, cut at each "\n" by its bytes: cutting by Characters took longer than the rest
    /// of loading the theme.
    static func lines(of text: String) -> [Substring] {
        var lines: [Substring] = []
        var start = text.startIndex
        let utf8 = text.utf8
        var index = utf8.startIndex
        while let newline = utf8[index...].firstIndex(of: UInt8(ascii: "\n")) {
            lines.append(text[start..<newline])
            index = utf8.index(after: newline)
            start = index
        }
        lines.append(text[start...])
        return lines
    }

    /// Whether the line has a "(" after a 't' or an 'l', as every call of t(, plural( and textList( has:
    /// most of a script's lines have none, and are passed over on their bytes.
    private static func mayCall(_ line: Substring) -> Bool {
        var previous: UInt8 = 0
        for byte in line.utf8 {
            if byte == UInt8(ascii: "("), previous == UInt8(ascii: "t") || previous == UInt8(ascii: "l") { return true }
            previous = byte
        }
        return false
    }

    /// The keys of `source` this use names.
    public func keys(in source: InterfaceText) -> [String] {
        guard kind != .unwritten else { return [] }
        return isPrefix ? source.entries.keys.filter { $0.hasPrefix(key) }.sorted() : (source.entries[key] == nil ? [] : [key])
    }

    /// A key the source does not define, or of the wrong kind for its use.
    public func problems(in source: InterfaceText) -> [Diagnostic] {
        let file = source.file
        if kind == .unwritten {
            return [.error("\(key)() is given a key that is not written out, so the build cannot check it or send its words", at: location,
                           fix: "write the key in quotes, as \(key)(\"group.key\", ...); for one of a family, \(key)(`group.${id}`)")]
        }
        let found = keys(in: source)
        guard !found.isEmpty else {
            let suggestion = closestMatch(to: key, in: source.entries.keys).map { "did you mean '\($0)'? or " } ?? ""
            let what = isPrefix ? "keys starting '\(key)'" : "'\(key)'"
            return [.error("\(what) \(isPrefix ? "are" : "is") used here, but \(file) does not define \(isPrefix ? "any" : "it")", at: location,
                           fix: "\(suggestion)add \(isPrefix ? "them" : "it") to \(file) and every other locale file")]
        }
        var problems: [Diagnostic] = []
        for name in found {
            guard let value = source.entries[name]?.value else { continue }
            let kindName = LocaleChecks.kindName(value)
            let hasLink = value.strings.contains { !InterfaceMessage.linkTargets(in: $0.value).isEmpty }
            switch kind {
            case .text, .templateText, .templateHTML, .templateSection:
                if kindName != "string" {
                    problems.append(.error("'\(name)' is a \(kindName) in \(file), but this use needs a string", at: location,
                                           fix: kindName == "plural" ? "choose its form with plural(\"\(name)\", count) in a script, or pass the words from Swift to the template" : "use one of its strings"))
                } else if kind == .templateText && hasLink {
                    problems.append(.error("'\(name)' has a link, so the template must insert it as HTML", at: location,
                                           fix: "write {{{t.\(name)}}} with three braces"))
                } else if kind == .templateHTML && !hasLink {
                    problems.append(.error("'\(name)' has no link, so the template should insert it as text", at: location,
                                           fix: "write {{t.\(name)}} with two braces, so that its words are escaped"))
                }
            case .plural where kindName != "plural", .list where kindName != "list":
                problems.append(.error("'\(name)' is a \(kindName) in \(file), but this use needs a \(kind == .plural ? "plural" : "list")",
                                       at: location, fix: "write it in \(file) as \(kind == .plural ? "one: ... and other: ..." : "a list of '- ...' lines")"))
            default:
                break
            }
        }
        return problems
    }
}
