import ToolkitMarkdown
import ToolkitModel

/// Checks over cmark's reading of the Markdown texts: the parse the site renders from, so a heading or a
/// link counts exactly when the page shows one (not in code, not a lookalike). Without the build's parse
/// (`documents` nil), the texts are parsed here.
func checkMarkdown(_ toolkit: Toolkit, _ documents: MarkdownDocuments?) -> [Diagnostic] {
    let texts = toolkit.markdownTexts
    let documents = documents ?? MarkdownDocuments(parsing: texts.map(\.text), renderingHTML: false)
    let glossary = Set(toolkit.glossary.map(\.id))
    var diagnostics: [Diagnostic] = []
    for text in texts {
        let document = documents.document(text.text)
        if text.kind == .moreInformation || text.kind == .guidance {
            diagnostics += checkHeadingOutline(document, in: text)
        }
        diagnostics += checkGlossaryLinks(document, in: text, glossary: glossary)
    }
    return diagnostics
}

/// Headings in a text shown below the page's own level 1 title must start at level 2 and go down one
/// level at a time, or the outline that screen readers and the table of contents use breaks.
func checkHeadingOutline(_ document: MarkdownDocument, in text: MarkdownText) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    var previous = 1
    for (index, heading) in document.headings.enumerated() {
        let location = text.location(line: heading.position.line, column: heading.position.column)
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

/// `[term](glossary:id)`, `[term][label]` with `[label]: glossary:id`, and `<glossary:id>` must name a term
/// in glossary.md. Located at the link's `[` (or `<`): finding that place costs a parse, so only the links
/// that are wrong are placed, all of a text's at once.
func checkGlossaryLinks(_ document: MarkdownDocument, in text: MarkdownText, glossary: Set<String>) -> [Diagnostic] {
    let wrong = document.links.filter { link in link.glossaryTerm.map { !glossary.contains($0) } ?? false }
    return zip(wrong, document.positions(of: wrong)).map { link, position in
        let id = link.glossaryTerm ?? ""
        let suggestion = closestMatch(to: id, in: glossary).map { "did you mean '\($0)'? " } ?? ""
        let shown = id.count > 60 ? id.prefix(60) + "…" : id
        return .error("the glossary has no term '\(shown)'", at: text.location(line: position.line, column: position.column),
                      fix: "\(suggestion)add '## \(shown)' to glossary.md or link to an existing term")
    }
}
