import Foundation
import ToolkitModel

/// The lists in a translation: a question's answers, an item of guidance's links, the glossary's terms.
/// Each has the source's items in the source's order, so that ids need not be written twice.
extension TranslationReader {
    var sourceOptions: [String] {
        source.texts.map(\.key).filter { $0.hasPrefix("option:") }.map { String($0.dropFirst("option:".count)) }
    }

    /// The answers: the source's ids in the source's order, each with its label in the translation's language.
    mutating func readOptions(_ settings: FrontMatter) {
        let ids = sourceOptions
        guard let items = settings.list("options") else {
            guard !ids.isEmpty else { return }
            reported.formUnion(ids.map(TextKey.option))
            error("the translation gives no labels for the answers", at: settings.start,
                  fix: "add 'options:' with each of the source's answers and its label, in order: " + ids.map { "'- \($0): …'" }.joined(separator: ", "))
            return
        }
        for (index, item) in items.enumerated() {
            let here = settings.valueStart(item)
            guard index < ids.count else {
                error("\(sourceName) has \(ids.count) answers, but this is answer \(index + 1)", at: here,
                      fix: "a translation has the source's answers, no more: remove this one")
                continue
            }
            let wanted = ids[index]
            guard let pairs = item.pairs, pairs.count == 1, let key = pairs[0].key.text,
                  let label = pairs[0].value.text?.trimmingCharacters(in: .whitespacesAndNewlines) else {
                reported.insert(TextKey.option(wanted))
                let given = item.text ?? wanted
                error("the answer '\(given)' has no label here", at: here,
                      fix: "give it its label in the translation's language, as '- \(wanted): …' (the labels 'Yes', 'No' and 'Not sure' are English)")
                continue
            }
            guard key == wanted else {
                reported.insert(TextKey.option(wanted))
                error("answer \(index + 1) is '\(key)' here, but '\(wanted)' in \(sourceName)", at: settings.location(of: pairs[0].key),
                      fix: "keep the source's answers, in its order (\(ids.joined(separator: ", "))): translate only the labels")
                continue
            }
            if !label.isEmpty { texts[TextKey.option(key)] = Located(label, at: settings.valueStart(pairs[0].value)) }
        }
        if items.count < ids.count {
            let missing = Array(ids[items.count...])
            reported.formUnion(missing.map(TextKey.option))
            error("the answer\(missing.count == 1 ? "" : "s") \(missing.map { "'\($0)'" }.joined(separator: ", ")) of \(sourceName) \(missing.count == 1 ? "is" : "are") missing",
                  at: settings.location(of: settings.node("options")!),
                  fix: "add " + missing.map { "'- \($0): …'" }.joined(separator: ", ") + " at the end of the list")
        }
    }

    /// The links of an item of guidance: a title for each of the source's, in order; an address, if given,
    /// must be the source's.
    mutating func readLinks(_ settings: FrontMatter, _ sourceSettings: FrontMatter?, number: Int) {
        let keys = source.texts.map(\.key).filter { $0.hasPrefix("guidance:\(number):link:") }
        let sourceURLs = (sourceSettings?.list("links") ?? []).map { $0["url"].map(Self.canonical) }
        guard let items = settings.list("links") else {
            guard !keys.isEmpty else { return }
            reported.formUnion(keys)
            error("the translation gives no titles for the \(keys.count) link\(keys.count == 1 ? "" : "s") of this guidance", at: settings.start,
                  fix: "add 'links:' with a '- title: …' for each of the source's links, in the same order")
            return
        }
        for (index, item) in items.enumerated() {
            let here = settings.location(of: item)
            guard index < keys.count else {
                error("this guidance has \(keys.count) link\(keys.count == 1 ? "" : "s") in \(sourceName), but this is link \(index + 1)", at: here,
                      fix: "a translation has the source's links, no more: remove this one")
                continue
            }
            guard let titleValue = item["title"], let title = titleValue.text else {
                reported.insert(keys[index])
                error("a link in a translation needs a 'title'", at: here, fix: "write it as '- title: …'; its address comes from the source")
                continue
            }
            if let url = item["url"], index < sourceURLs.count, Self.canonical(url) != sourceURLs[index] {
                error("the address of link \(index + 1) is not the same as in \(sourceName), which has '\(sourceURLs[index] ?? "")'",
                      at: settings.valueStart(url), fix: "remove the 'url' line (a translation takes it from its source), or make it the same")
            }
            let trimmed = title.trimmingCharacters(in: .whitespacesAndNewlines)
            if !trimmed.isEmpty { texts[keys[index]] = Located(trimmed, at: settings.valueStart(titleValue)) }
        }
        if items.count < keys.count {
            reported.formUnion(keys[items.count...])
            error("this guidance has \(keys.count) links in \(sourceName), but \(items.count) here", at: settings.location(of: settings.node("links")!),
                  fix: "add a '- title: …' for each missing link, in the source's order")
        }
    }

    /// The glossary: one `## Term` for each of the source's, in the same order, so each keeps its id.
    mutating func readGlossary(_ section: SectionedFile.Section) {
        let ids = source.texts.map(\.key).filter { $0.hasPrefix("term:") }.map { String($0.dropFirst("term:".count)) }
        let terms = GlossaryReader.terms(in: section.body, file: file.path, firstLine: section.bodyLine, firstColumn: section.bodyColumn)
        for (index, term) in terms.enumerated() {
            guard index < ids.count else {
                error("\(sourceName) has \(ids.count) terms, but this is term \(index + 1)", at: term.location,
                      fix: "a translation has the source's terms, no more, in the same order: remove this one")
                continue
            }
            if !term.term.isEmpty { texts[TextKey.term(ids[index])] = Located(term.term, at: term.location.movedRight(by: 3)) }
            if !term.definition.isEmpty {
                texts[TextKey.definition(ids[index])] = Located(term.definition, at: term.definitionLocation)
            }
        }
        if terms.count < ids.count {
            let missing = Array(ids[terms.count...])
            reported.formUnion(missing.flatMap { [TextKey.term($0), TextKey.definition($0)] })
            let last = SourceLocation(file: file.path, line: section.bodyLine + section.body.split(separator: "\n", omittingEmptySubsequences: false).count - 1, column: 1)
            error("\(sourceName) has \(ids.count) terms, but the translation has \(terms.count)", at: last,
                  fix: "add a '## …' heading and definition for each missing term (\(missing.joined(separator: ", "))), in the source's order")
        }
    }
}
