import Foundation

/// The site's rules for the HTML made from content Markdown, applied while the document is parsed (see
/// `MarkdownDocument`): `glossary:` links go to the glossary page, legal references stay on one line, and
/// links that leave the site say so. Raw HTML in content is dropped (cmark's safe default).
///
/// The rules are patterns (`reference`, `externalLink`); the common cases are matched here byte by byte,
/// with the same result, because the regular expressions were most of the time a parse took.
enum MarkdownHTML {
    /// The page a `glossary:id` link goes to, beside the page that shows the text.
    static let glossaryPage = "glossary.html"

    /// `glossary:dpia` -> `glossary.html#dpia`; any other address as it is.
    static func address(_ destination: String) -> String? {
        guard destination.hasPrefix(MarkdownLink.glossaryScheme) else { return nil }
        return "\(glossaryPage)#\(destination.dropFirst(MarkdownLink.glossaryScheme.count))"
    }

    /// "Article 6(1)(c)" or "section 35(2)" must not break across lines: a no-break space after the word,
    /// and a word joiner between brackets, where browsers may otherwise break.
    static func keepingReferencesTogether(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return text }
        var out: String
        if let spaces = ReferenceSpaces.find(in: text) {
            out = spaces.isEmpty ? text : ReferenceSpaces.replacing(spaces, in: text)
        } else {
            out = reference.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text),
                                                     withTemplate: "$1\u{00A0}$2")
        }
        // Without the bytes ")(" there is nothing to replace, and the search is skipped.
        if zip(out.utf8, out.utf8.dropFirst()).contains(where: { $0 == UInt8(ascii: ")") && $1 == UInt8(ascii: "(") }) {
            out = out.replacingOccurrences(of: ")(", with: ")\u{2060}(")
        }
        return out
    }

    /// The words `reference` keeps with the number after them.
    static let referenceWords = ["Article", "Articles", "Section", "Sections", "section", "sections", "Schedule",
                                 "Paragraph", "paragraph", "Part", "part", "Regulation", "regulation", "s.", "ss.", "Art"]

    static let reference = constantPattern(
        #"\b(Articles?|[Ss]ections?|Schedule|[Pp]aragraph|[Pp]art|[Rr]egulation|s\.|ss\.|Art) (\d)"#)

    /// Links that leave the site say so to browsers and send no referrer: `externalLink`, replaced by
    /// `<a href="$1" rel="external noopener noreferrer"`.
    static func markingExternalLinks(_ html: String) -> String {
        let opening = Array(#"<a href=""#.utf8), rel = Array(#" rel="external noopener noreferrer""#.utf8)
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        var copied = 0, index = 0
        while index + opening.count < bytes.count {
            guard bytes[index] == opening[0], bytes[index..<index + opening.count].elementsEqual(opening) else {
                index += 1
                continue
            }
            // https?://, then the address to the next quote, which must be there.
            var scheme = index + opening.count
            guard bytes[scheme...].starts(with: "http".utf8) else { index += 1; continue }
            scheme += 4
            if scheme < bytes.count, bytes[scheme] == UInt8(ascii: "s") { scheme += 1 }
            guard bytes[scheme...].starts(with: "://".utf8),
                  let quote = bytes[(scheme + 3)...].firstIndex(of: UInt8(ascii: "\"")) else {
                index += 1
                continue
            }
            if out.isEmpty { out.reserveCapacity(bytes.count + 64) }
            out.append(contentsOf: bytes[copied...quote])
            out.append(contentsOf: rel)
            copied = quote + 1
            index = quote + 1
        }
        guard copied > 0 else { return html }
        out.append(contentsOf: bytes[copied...])
        return String(decoding: out, as: UTF8.self)
    }

    static let externalLink = constantPattern(#"<a href="(https?://[^"]*)""#)

    /// A pattern written in this file: one that does not compile is a mistake in the code, found by the
    /// first test that renders Markdown, never something content can cause.
    private static func constantPattern(_ pattern: String) -> NSRegularExpression {
        do {
            return try NSRegularExpression(pattern: pattern)
        } catch {
            preconditionFailure("the pattern \(pattern) does not compile: \(error)")
        }
    }
}
