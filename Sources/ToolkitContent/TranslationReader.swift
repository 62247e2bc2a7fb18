import Foundation
import ToolkitModel
import Yams

/// Reads one translation file against its source: the same sections, answers, links and glossary terms
/// in the same order, a translation for every text, and nothing that is not words unless it is the
/// source's own. Every difference is reported where it is in the translation.
struct TranslationReader {
    let language: String
    let source: TranslatableFile
    let file: SectionedFile
    /// The source cut into sections again, for the settings that must match it: read only when the
    /// translation repeats such a setting, which a translation that import wrote never does.
    private var sourceSections: [SectionedFile.Section]?
    private(set) var diagnostics: [Diagnostic] = []
    private var texts: [String: Located<String>] = [:]
    /// Texts whose absence has been reported already, in a message about their list or section.
    private var reported: Set<String> = []
    private var sourceName: String { (source.file as NSString).lastPathComponent }

    init(language: String, source: TranslatableFile, file: SectionedFile) {
        self.language = language; self.source = source; self.file = file
    }

    mutating func read() -> TranslatedFile {
        let expected = source.kind == .question ? sourceGuidanceCount + 1 : 1
        var translatedFrom: Located<String>?
        var start = SourceLocation(file: file.path, line: 1, column: 1)
        for (index, section) in file.sections.enumerated() {
            guard index < expected else {
                let here = SourceLocation(file: file.path, line: section.frontMatterLine - 1, column: 1)
                if source.kind == .question {
                    error("\(sourceName) has \(expected - 1) items of guidance, but this is item \(index)", at: here,
                          fix: "a translation has the source's sections in the same order: remove this one")
                } else {
                    error("this file should have one block of front matter, but has \(file.sections.count)", at: here,
                          fix: "use '***' rather than '---' for a horizontal rule in the text")
                }
                continue
            }
            let rules = TranslationRules.of(source.kind, section: index)
            guard let settings = FrontMatter(section.frontMatter, path: file.path, firstLine: section.frontMatterLine,
                                             allowed: rules.allowed + (index == 0 ? ["translated-from"] : []),
                                             diagnostics: &diagnostics) else { continue }
            if index == 0 {
                start = settings.start
                translatedFrom = readFingerprint(settings)
            }
            readSection(section, settings: settings, rules: rules, number: index)
        }
        if source.kind == .question, file.sections.count < expected {
            let missing = file.sections.count..<expected
            for number in missing { reported.formUnion(source.texts.map(\.key).filter { $0.hasPrefix("guidance:\(number):") }) }
            error("\(sourceName) has \(expected - 1) items of guidance, but the translation has \(file.sections.count - 1)",
                  at: SourceLocation(file: file.path, line: (file.sections.last?.bodyLine ?? 1), column: 1),
                  fix: "add the missing items of guidance after this one, in the source's order, each with its headline and text")
        }
        checkEveryText(start: start)
        return TranslatedFile(language: language, source: source.file, file: file.path, translatedFrom: translatedFrom,
                              texts: texts, location: start)
    }

    private var sourceGuidanceCount: Int { source.texts.filter { $0.key.hasPrefix("guidance:") && $0.key.hasSuffix(":headline") }.count }

    private mutating func error(_ message: String, at location: SourceLocation, fix: String) {
        diagnostics.append(.error(message, at: location, fix: fix))
    }

    private mutating func readFingerprint(_ settings: FrontMatter) -> Located<String>? {
        guard let value = settings.string("translated-from", diagnostics: &diagnostics) else { return nil }
        guard TextFingerprint.isWellFormed(value.value) else {
            error("'translated-from' should be the \(TextFingerprint.length)-character fingerprint of the source's words", at: value.location,
                  fix: "'toolkit translate import' writes it; 'toolkit check' gives the source's fingerprint today")
            return nil
        }
        return value
    }

    private mutating func readSection(_ section: SectionedFile.Section, settings: FrontMatter, rules: TranslationRules, number: Int) {
        for (setting, key) in rules.texts {
            if let text = settings.string(setting, diagnostics: &diagnostics), !text.value.isEmpty { texts[key] = text }
        }
        if let key = rules.body, !section.body.isEmpty {
            texts[key] = Located(section.body, at: SourceLocation(file: file.path, line: section.bodyLine, column: 1))
        }
        if source.kind == .glossary { readGlossary(section) }
        let repeatsURL = (settings.list("links") ?? []).contains { $0.mapping?["url"] != nil }
        let sourceSettings = rules.fixed.contains(where: { settings.node($0) != nil }) || repeatsURL
            ? sourceSettings(number, rules: rules) : nil
        for key in rules.fixed { compare(key, settings, sourceSettings) }
        if rules.special.contains("options") { readOptions(settings) }
        if rules.special.contains("links") { readLinks(settings, sourceSettings, number: number) }
    }

    /// The source section's settings; its own problems were reported when it was loaded.
    private mutating func sourceSettings(_ number: Int, rules: TranslationRules) -> FrontMatter? {
        if sourceSections == nil { sourceSections = ContentLoader.quietlyRead(source.file)?.sections ?? [] }
        guard let sections = sourceSections, number < sections.count else { return nil }
        var ignored: [Diagnostic] = []
        return FrontMatter(sections[number].frontMatter, path: source.file, firstLine: sections[number].frontMatterLine,
                           allowed: rules.allowed, diagnostics: &ignored)
    }

    /// A setting that is not words may be left out; if written, it must be what the source says.
    private mutating func compare(_ key: String, _ settings: FrontMatter, _ sourceSettings: FrontMatter?) {
        guard let node = settings.node(key) else { return }
        let here = settings.valueStart(node)
        guard let sourceSettings, let sourceNode = sourceSettings.node(key) else {
            error("\(sourceName) does not set '\(key)', so the translation cannot", at: here,
                  fix: "remove the line: a translation takes '\(key)' from its source")
            return
        }
        let (mine, theirs): (String?, String?)
        if TranslationRules.conditions.contains(key) {
            var ignored: [Diagnostic] = []
            // Parse errors in the translation are reported; the source's were reported when it was loaded.
            mine = settings.condition(key, diagnostics: &diagnostics)?.source
            theirs = sourceSettings.condition(key, diagnostics: &ignored)?.source
            if mine == nil { return }
        } else if TranslationRules.lists.contains(key) {
            mine = settings.list(key).map { $0.map(Self.canonical).joined(separator: ", ") }
            theirs = sourceSettings.list(key).map { $0.map(Self.canonical).joined(separator: ", ") }
        } else {
            mine = Self.canonical(node)
            theirs = Self.canonical(sourceNode)
        }
        if mine != theirs {
            error("'\(key)' is not the same as in \(sourceName), which has '\(theirs ?? "")'", at: here,
                  fix: "remove the line (a translation takes '\(key)' from its source), or make it the same as the source's")
        }
    }

    /// A node's value as text, for comparing: scalars trimmed, lists and mappings written out.
    static func canonical(_ node: Node) -> String {
        if let scalar = node.scalar { return scalar.string.trimmingCharacters(in: .whitespacesAndNewlines) }
        if let sequence = node.sequence { return "[" + sequence.map(canonical).joined(separator: ", ") + "]" }
        if let mapping = node.mapping { return "{" + mapping.map { canonical($0.key) + ": " + canonical($0.value) }.joined(separator: ", ") + "}" }
        return ""
    }

    private var sourceOptions: [String] {
        source.texts.map(\.key).filter { $0.hasPrefix("option:") }.map { String($0.dropFirst("option:".count)) }
    }

    /// The answers: the source's ids in the source's order, each with its label in the translation's language.
    private mutating func readOptions(_ settings: FrontMatter) {
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
            guard let mapping = item.mapping, mapping.count == 1, let key = mapping[0].key.scalar?.string,
                  let label = mapping[0].value.scalar?.string.trimmingCharacters(in: .whitespacesAndNewlines) else {
                reported.insert(TextKey.option(wanted))
                let given = item.scalar?.string ?? wanted
                error("the answer '\(given)' has no label here", at: here,
                      fix: "give it its label in the translation's language, as '- \(wanted): …' (the labels 'Yes', 'No' and 'Not sure' are English)")
                continue
            }
            guard key == wanted else {
                reported.insert(TextKey.option(wanted))
                error("answer \(index + 1) is '\(key)' here, but '\(wanted)' in \(sourceName)", at: settings.location(of: mapping[0].key),
                      fix: "keep the source's answers, in its order (\(ids.joined(separator: ", "))): translate only the labels")
                continue
            }
            if !label.isEmpty { texts[TextKey.option(key)] = Located(label, at: settings.valueStart(mapping[0].value)) }
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
    private mutating func readLinks(_ settings: FrontMatter, _ sourceSettings: FrontMatter?, number: Int) {
        let keys = source.texts.map(\.key).filter { $0.hasPrefix("guidance:\(number):link:") }
        let sourceURLs = (sourceSettings?.list("links") ?? []).map { $0.mapping?["url"].map(Self.canonical) }
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
            guard let mapping = item.mapping, let title = mapping["title"]?.scalar?.string else {
                reported.insert(keys[index])
                error("a link in a translation needs a 'title'", at: here, fix: "write it as '- title: …'; its address comes from the source")
                continue
            }
            if let url = mapping["url"], index < sourceURLs.count, Self.canonical(url) != sourceURLs[index] {
                error("the address of link \(index + 1) is not the same as in \(sourceName), which has '\(sourceURLs[index] ?? "")'",
                      at: settings.valueStart(url), fix: "remove the 'url' line (a translation takes it from its source), or make it the same")
            }
            let trimmed = title.trimmingCharacters(in: .whitespacesAndNewlines)
            if !trimmed.isEmpty { texts[keys[index]] = Located(trimmed, at: settings.valueStart(mapping["title"]!)) }
        }
        if items.count < keys.count {
            reported.formUnion(keys[items.count...])
            error("this guidance has \(keys.count) links in \(sourceName), but \(items.count) here", at: settings.location(of: settings.node("links")!),
                  fix: "add a '- title: …' for each missing link, in the source's order")
        }
    }

    /// The glossary: one `## Term` for each of the source's, in the same order, so each keeps its id.
    private mutating func readGlossary(_ section: SectionedFile.Section) {
        let ids = source.texts.map(\.key).filter { $0.hasPrefix("term:") }.map { String($0.dropFirst("term:".count)) }
        let terms = GlossaryReader.terms(in: section.body, file: file.path, firstLine: section.bodyLine)
        for (index, term) in terms.enumerated() {
            guard index < ids.count else {
                error("\(sourceName) has \(ids.count) terms, but this is term \(index + 1)", at: term.location,
                      fix: "a translation has the source's terms, no more, in the same order: remove this one")
                continue
            }
            if !term.term.isEmpty { texts[TextKey.term(ids[index])] = Located(term.term, at: term.location.movedRight(by: 3)) }
            if !term.definition.isEmpty {
                texts[TextKey.definition(ids[index])] = Located(term.definition, at: SourceLocation(file: file.path, line: term.location.line + 1, column: 1))
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

    /// Every text of the source is translated, and the translation has no text the source does not.
    private mutating func checkEveryText(start: SourceLocation) {
        let sourceKeys = Set(source.texts.map(\.key))
        for text in source.texts where texts[text.key] == nil && !reported.contains(text.key) {
            error("the translation is missing \(TranslationRules.describe(text.key))", at: place(of: text.key, start: start),
                  fix: "translate it: \(sourceName) has it at line \(text.location.line)")
        }
        for (key, text) in texts.sorted(by: { $0.value.location < $1.value.location }) where !sourceKeys.contains(key) {
            texts[key] = nil
            error("the translation has \(TranslationRules.describe(key)), but \(sourceName) does not", at: text.location,
                  fix: "remove it, or add it to the source first")
        }
    }

    /// Where a missing text belongs: its section's front matter, or the top of the file.
    private func place(of key: String, start: SourceLocation) -> SourceLocation {
        let parts = key.split(separator: ":")
        if parts.first == "guidance", parts.count > 1, let number = Int(parts[1]), number < file.sections.count {
            return SourceLocation(file: file.path, line: max(file.sections[number].frontMatterLine - 1, 1), column: 1)
        }
        return start
    }
}
