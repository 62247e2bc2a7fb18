import Ccmark
import Foundation

/// Markdown to HTML through cmark. Raw HTML in content is dropped (cmark's safe default), and
/// `glossary:` links become links to the glossary page.
public enum Markdown {
    public static func html(_ markdown: String, glossaryPage: String = "glossary.html") -> String {
        guard !markdown.isEmpty, let document = cmark_parse_document(markdown, markdown.utf8.count, CMARK_OPT_SMART) else {
            return ""
        }
        defer { cmark_node_free(document) }
        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            let node = cmark_iter_get_node(iterator)
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

    /// Links that leave the site say so to browsers and send no referrer.
    static func markingExternalLinks(_ html: String) -> String {
        externalLink.stringByReplacingMatches(in: html, range: NSRange(html.startIndex..., in: html),
                                              withTemplate: #"<a href="$1" rel="external noopener noreferrer""#)
    }

    private static let externalLink = try! NSRegularExpression(pattern: #"<a href="(https?://[^"]*)""#)
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
