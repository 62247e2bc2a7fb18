import Foundation

/// The site's rules for the HTML made from content Markdown, applied while the document is parsed (see
/// `MarkdownDocument`): `glossary:` links go to the glossary page, legal references stay on one line, and
/// links that leave the site say so. Raw HTML in content is dropped (cmark's safe default).
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
        let range = NSRange(text.startIndex..., in: text)
        var out = reference.stringByReplacingMatches(in: text, range: range, withTemplate: "$1\u{00A0}$2")
        out = out.replacingOccurrences(of: ")(", with: ")\u{2060}(")
        return out
    }

    private static let reference = constantPattern(
        #"\b(Articles?|[Ss]ections?|Schedule|[Pp]aragraph|[Pp]art|[Rr]egulation|s\.|ss\.|Art) (\d)"#)

    /// Links that leave the site say so to browsers and send no referrer.
    static func markingExternalLinks(_ html: String) -> String {
        externalLink.stringByReplacingMatches(in: html, range: NSRange(html.startIndex..., in: html),
                                              withTemplate: #"<a href="$1" rel="external noopener noreferrer""#)
    }

    private static let externalLink = constantPattern(#"<a href="(https?://[^"]*)""#)

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
