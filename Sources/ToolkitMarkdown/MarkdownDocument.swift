import Ccmark
import Foundation

/// A heading as cmark reads it: `#` headings and underlined (setext) ones, never a line in code.
public struct MarkdownHeading: Sendable, Equatable {
    public var level: Int
    /// The words of the heading, without its markup.
    public var text: String
    /// Where the heading starts: its first `#`, or the first line of an underlined heading.
    public var position: MarkdownPosition
}

/// A link as cmark reads it: `[text](address)`, `[text][label]` with the address in its definition,
/// `[label]`, or `<address>`.
public struct MarkdownLink: Sendable, Equatable {
    public static let glossaryScheme = "glossary:"

    /// The address as written (before the site turns `glossary:` addresses into the glossary page's).
    public var destination: String
    /// Its place among the document's links, first to last.
    public var index: Int
    /// The lines and first column of the paragraph or heading that holds it, in cmark's numbering.
    var block: (line: Int, column: Int, endLine: Int)
    /// Where cmark puts it. Right on a line that starts its paragraph; cmark 0.30 counts further lines
    /// from where the paragraph's text starts, and loses count after a line break inside a link.
    var reported: (line: Int, column: Int)

    /// The term id of a `glossary:id` link, or nil for any other address.
    public var glossaryTerm: String? {
        destination.hasPrefix(Self.glossaryScheme) ? String(destination.dropFirst(Self.glossaryScheme.count)) : nil
    }

    public static func == (a: MarkdownLink, b: MarkdownLink) -> Bool {
        a.destination == b.destination && a.index == b.index && a.block == b.block && a.reported == b.reported
    }
}

/// One parse of a Markdown text by cmark, kept as plain values: its headings and links for the checks,
/// and its HTML for the site. The build parses each text once and hands the same document to both.
public struct MarkdownDocument: Sendable, Equatable {
    public let text: String
    public let headings: [MarkdownHeading]
    public let links: [MarkdownLink]
    /// The HTML the site shows; nil when the text was parsed for the checks alone.
    public let html: String?

    public init(parsing text: String, renderingHTML: Bool = true) {
        self.text = text
        guard !text.isEmpty, let document = cmark_parse_document(text, text.utf8.count, CMARK_OPT_SMART) else {
            headings = []; links = []; html = renderingHTML ? "" : nil
            return
        }
        defer { cmark_node_free(document) }
        var headings: [MarkdownHeading] = [], links: [MarkdownLink] = []
        // Made when the first heading needs it: most texts have none.
        var madeLines: SourceLines?
        func sourceLines() -> SourceLines {
            if let madeLines { return madeLines }
            let lines = SourceLines(text)
            madeLines = lines
            return lines
        }
        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING:
                // Read before the loop reaches its words, which the site's rules may change.
                let level = Int(cmark_node_get_heading_level(node)), words = Self.words(of: node)
                let lines = sourceLines()
                let line = Int(cmark_node_get_start_line(node)), column = Int(cmark_node_get_start_column(node))
                let start = HeadingSearch(lines: lines, text: text).wordsStart(
                    ofHeading: headings.count, level: level, words: words, line: line, column: column,
                    endLine: Int(cmark_node_get_end_line(node))) ?? lines.offset(cmarkLine: line, column: column)
                headings.append(MarkdownHeading(level: level, text: words, position: lines.position(ofOffset: start)))
            case CMARK_NODE_LINK:
                let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                let block = Self.enclosingBlock(of: node)
                links.append(MarkdownLink(
                    destination: destination, index: links.count,
                    block: (Int(cmark_node_get_start_line(block)), Int(cmark_node_get_start_column(block)), Int(cmark_node_get_end_line(block))),
                    reported: (Int(cmark_node_get_start_line(node)), Int(cmark_node_get_start_column(node)))))
                if renderingHTML, let address = MarkdownHTML.address(destination) { cmark_node_set_url(node, address) }
            case CMARK_NODE_TEXT where renderingHTML:
                // Only a text with a digit can hold a reference: most are passed over without becoming a String.
                guard let literal = cmark_node_get_literal(node), strpbrk(literal, "0123456789") != nil else { continue }
                let words = String(cString: literal)
                let kept = MarkdownHTML.keepingReferencesTogether(words)
                if kept != words { cmark_node_set_literal(node, kept) }
            default:
                continue
            }
        }
        self.headings = headings
        self.links = links
        if renderingHTML, let rendered = cmark_render_html(document, CMARK_OPT_SMART) {
            defer { free(rendered) }
            html = MarkdownHTML.markingExternalLinks(String(cString: rendered))
        } else {
            html = renderingHTML ? "" : nil
        }
    }

    /// A heading's words: its text and code, a space for each line break, without emphasis or raw HTML.
    static func words(of heading: OpaquePointer) -> String {
        var out = ""
        guard let iterator = cmark_iter_new(heading) else { return out }
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: out += cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: out += " "
            default: break
            }
        }
        return out
    }

    /// The paragraph or heading that holds an inline node. Its place is exact: cmark tracks blocks line by line.
    private static func enclosingBlock(of node: OpaquePointer) -> OpaquePointer {
        var block = node
        while let parent = cmark_node_parent(block) {
            block = parent
            let type = cmark_node_get_type(block)
            if type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING { break }
        }
        return block
    }
}
