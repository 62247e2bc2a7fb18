import ToolkitMarkdown
import ToolkitModel

/// Checks on translations that need the whole model: which are out of date with their source, and whether
/// their Markdown keeps the source's headings, an outline that holds, and glossary links to real terms
/// (ids are the source's in every language). Their structure (sections, answers, links, terms) is
/// checked as they are read. `markdown` has the texts as the build parsed them.
func checkTranslations(_ toolkit: Toolkit, _ markdown: MarkdownDocuments) -> [Diagnostic] {
    guard !toolkit.translatedFiles.isEmpty else { return [] }
    let sources = Dictionary(toolkit.translatableFiles.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
    let glossary = Set(toolkit.glossary.map(\.id))
    var diagnostics: [Diagnostic] = []
    for translation in toolkit.translatedFiles {
        guard let source = sources[translation.source] else { continue }
        diagnostics += checkFingerprint(translation, source: source)
        for text in source.texts where TextKey.isMarkdown(text.key) {
            guard let translated = translation.texts[text.key] else { continue }
            let mine = MarkdownText(translated.value, at: translated.location, kind: .translation)
            let document = markdown.document(translated.value)
            diagnostics += checkHeadings(document, in: mine, source: markdown.document(text.text), sourceFile: text.location.file)
            diagnostics += checkHeadingOutline(document, in: mine)
            diagnostics += checkGlossaryLinks(document, in: mine, glossary: glossary)
        }
    }
    return diagnostics
}

/// A warning when the source's words have changed since the translation was made. A translation that is
/// out of date is still shown: the warning is for the publisher, who decides when to update it.
func checkFingerprint(_ translation: TranslatedFile, source: TranslatableFile) -> [Diagnostic] {
    let current = source.fingerprint
    guard let recorded = translation.translatedFrom else {
        return [.warning("the translation does not say which version of \(source.file) it was made from", at: translation.location,
                         fix: "if it matches the source as it is now, add 'translated-from: \(current)' to its front matter; 'toolkit translate import' writes it")]
    }
    guard recorded.value != current else { return [] }
    return [.warning("\(source.file) has changed since this translation was made", at: recorded.location,
                     fix: "update the translation ('toolkit translate export --lang \(translation.language)', then import it), "
                        + "or, if the change needs no new translation, write 'translated-from: \(current)'")]
}

/// A translated text has the headings of its source, at the same levels, so every language's pages
/// have the same outline.
func checkHeadings(_ document: MarkdownDocument, in translated: MarkdownText, source: MarkdownDocument, sourceFile: String) -> [Diagnostic] {
    let mine = document.headings, theirs = source.headings
    let levels = theirs.map { String(repeating: "#", count: $0.level) }
    let fix = "keep the source's headings and their levels (\(levels.isEmpty ? "none" : levels.joined(separator: ", "))), and translate their words"
    for (index, heading) in mine.enumerated() {
        let location = translated.location(line: heading.position.line, column: heading.position.column)
        guard index < theirs.count else {
            return [.error("this heading is not in the source (\(sourceFile) has \(theirs.count) heading\(theirs.count == 1 ? "" : "s") here)",
                           at: location, fix: fix)]
        }
        if heading.level != theirs[index].level {
            return [.error("this heading is level \(heading.level), but the source's heading \(index + 1) ('\(theirs[index].text)') is level \(theirs[index].level)",
                           at: location, fix: fix)]
        }
    }
    if mine.count < theirs.count {
        return [.error("the source's heading '\(theirs[mine.count].text)' is missing from the translation", at: translated.start, fix: fix)]
    }
    return []
}
