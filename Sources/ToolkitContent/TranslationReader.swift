import Foundation
import ToolkitModel

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
    var diagnostics: [Diagnostic] = []
    var texts: [String: Located<String>] = [:]
    /// Texts whose absence has been reported already, in a message about their list or section.
    var reported: Set<String> = []
    var sourceName: String { (source.file as NSString).lastPathComponent }

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

    mutating func error(_ message: String, at location: SourceLocation, fix: String) {
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
            texts[key] = Located(section.body, at: section.bodyStart(in: file.path))
        }
        if source.kind == .glossary { readGlossary(section) }
        let repeatsURL = (settings.list("links") ?? []).contains { $0["url"] != nil }
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

    /// A value as text, for comparing: texts trimmed, lists and pairs written out.
    static func canonical(_ value: FrontMatterValue) -> String {
        switch value.form {
        case let .text(text, _, _): return text.trimmingCharacters(in: .whitespacesAndNewlines)
        case let .list(items): return "[" + items.map(canonical).joined(separator: ", ") + "]"
        case let .pairs(pairs): return "{" + pairs.map { canonical($0.key) + ": " + canonical($0.value) }.joined(separator: ", ") + "}"
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
