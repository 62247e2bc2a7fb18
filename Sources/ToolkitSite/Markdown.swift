import Ccmark
import Foundation

/// Markdown to HTML through cmark. Raw HTML in content is dropped (cmark's safe default), and
/// `glossary:` links become links to the glossary page.
public enum Markdown {
    public static func html(_ markdown: String, glossaryPage: String = "glossary.html") -> String {
        guard let memo = MarkdownMemo.current else { return render(markdown, glossaryPage: glossaryPage) }
        return memo.html(markdown, glossaryPage: glossaryPage) { render(markdown, glossaryPage: glossaryPage) }
    }

    private static func render(_ markdown: String, glossaryPage: String) -> String {
        guard !markdown.isEmpty, let document = cmark_parse_document(markdown, markdown.utf8.count, CMARK_OPT_SMART) else {
            return ""
        }
        defer { cmark_node_free(document) }
        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            let node = cmark_iter_get_node(iterator)
            if cmark_node_get_type(node) == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(node) {
                let text = String(cString: literal)
                let kept = keepingReferencesTogether(text)
                if kept != text { cmark_node_set_literal(node, kept) }
                continue
            }
            guard cmark_node_get_type(node) == CMARK_NODE_LINK, let raw = cmark_node_get_url(node) else { continue }
            let url = String(cString: raw)
            if url.hasPrefix("glossary:") {
                cmark_node_set_url(node, "\(glossaryPage)#\(url.dropFirst("glossary:".count))")
            }
        }
        guard let rendered = cmark_render_html(document, CMARK_OPT_SMART) else { return "" }
        defer { free(rendered) }
        return markingExternalLinks(String(cString: rendered))
    }

    /// "Article 6(1)(c)" or "section 35(2)" must not break across lines: a no-break space after the word,
    /// and a word joiner between brackets, where browsers may otherwise break.
    public static func keepingReferencesTogether(_ text: String) -> String {
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

extension String {
    /// Escaped for HTML text and attribute values.
    public var htmlEscaped: String {
        var out = ""
        for c in self {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
