import Foundation
import ToolkitContent
import ToolkitModel

/// The theme's locale files, theme/locales/LANGUAGE.yml: every word of the interface, one file a language.
/// `en.yml` is the source: every other file must have each of its keys, in the forms its language needs,
/// with no placeholder or link the source does not have.
public enum ThemeLocales {
    /// The language every other locale file is checked against.
    public static let sourceLanguage = "en"

    /// Reads every `*.yml` file in `folder`, and checks each against the source language's.
    public static func load(folder: String) -> (locales: [String: InterfaceText], diagnostics: [Diagnostic]) {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".yml") }.sorted()
        var locales: [String: InterfaceText] = [:]
        var diagnostics: [Diagnostic] = []
        for name in names {
            let path = folder + "/" + name
            let language = String(name.dropLast(".yml".count))
            let top = SourceLocation(file: path, line: 1, column: 1)
            guard PluralRule.forLanguage(language) != nil else {
                let known = PluralRule.known.keys.sorted().joined(separator: ", ")
                diagnostics.append(.error("the toolkit does not know the plural rules of '\(language)'", at: top,
                                          fix: "name a locale file by its language's code; the languages known are \(known) (add others to PluralRules.swift)"))
                continue
            }
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                diagnostics.append(.error("the locale file cannot be read as UTF-8 text", at: top, fix: "save it as UTF-8"))
                continue
            }
            let read = LocaleReader.read(text, path: path, language: language)
            locales[language] = read.text
            diagnostics += read.diagnostics
        }
        guard let source = locales[sourceLanguage] else {
            diagnostics.append(.error("the theme has no \(sourceLanguage).yml, the locale every other is checked against",
                                      at: SourceLocation(file: folder + "/\(sourceLanguage).yml", line: 1, column: 1),
                                      fix: "add \(folder)/\(sourceLanguage).yml with every interface string; theme/README.md lists them"))
            return (locales, diagnostics)
        }
        diagnostics += LocaleChecks.forms(of: source)
        for (language, translation) in locales.sorted(by: { $0.key < $1.key }) where language != sourceLanguage {
            diagnostics += LocaleChecks.compare(translation, with: source)
        }
        return (locales, diagnostics)
    }
}

/// Checks of one locale file against the source language's, each at the line it is about.
enum LocaleChecks {
    /// Each plural string has the forms its language needs, and none it never uses. In a translation, only
    /// where the source has a plural too: a plural in place of a string is reported as that.
    static func forms(of text: InterfaceText, source: InterfaceText? = nil) -> [Diagnostic] {
        guard let rule = text.pluralRule else { return [] }
        var diagnostics: [Diagnostic] = []
        for (key, entry) in text.entries.sorted(by: { $0.value.location < $1.value.location }) {
            guard case let .plural(forms) = entry.value else { continue }
            if let wanted = source?.entries[key], kindName(wanted.value) != "plural" { continue }
            for category in rule.categories where forms[category] == nil {
                let example = (0...200).first { rule.category(for: $0) == category }.map { " (as for \($0))" } ?? ""
                diagnostics.append(.error("'\(key)' has no '\(category)' form, which \(text.language) needs\(example)", at: entry.location,
                                          fix: "add '\(category): ...' under '\(key)'; \(text.language) uses \(rule.categories.map(\.rawValue).joined(separator: ", "))"))
            }
            for (category, string) in forms where !rule.categories.contains(category) {
                diagnostics.append(.warning("'\(key)' has a '\(category)' form, which \(text.language) never uses", at: string.location,
                                            fix: "remove it; \(text.language) uses \(rule.categories.map(\.rawValue).joined(separator: ", "))"))
            }
        }
        return diagnostics
    }

    /// A translation against the source: every key there, of the same kind, with no placeholder or link the
    /// source lacks; and no key the source does not have.
    static func compare(_ translation: InterfaceText, with source: InterfaceText) -> [Diagnostic] {
        var diagnostics = forms(of: translation, source: source)
        let sourceOrder = source.entries.sorted { $0.value.location < $1.value.location }.map(\.key)
        let file = (source.file as NSString).lastPathComponent
        for (index, key) in sourceOrder.enumerated() {
            guard let wanted = source.entries[key] else { continue }
            guard let given = translation.entries[key] else {
                // Point at the place to add it: after the key before it in the source that the translation has.
                let before = sourceOrder[..<index].last { translation.entries[$0] != nil }
                let at = before.flatMap { translation.entries[$0]?.location } ?? SourceLocation(file: translation.file, line: 1, column: 1)
                diagnostics.append(.error("'\(key)' is missing: \(file) defines it at \(wanted.location)", at: at,
                                          fix: "add '\(key)' to \(translation.file)\(before.map { ", after '\($0)'" } ?? ""), translating '\(sample(wanted.value))'"))
                continue
            }
            diagnostics += sameKind(key, given, wanted, file: file)
            let allowed = Set(wanted.value.strings.flatMap { InterfaceMessage.placeholders(in: $0.value).map(\.name) }
                              + (kindName(wanted.value) == "plural" ? ["count"] : []))
            let targets = Set(wanted.value.strings.flatMap { InterfaceMessage.linkTargets(in: $0.value) })
            for string in given.value.strings {
                for (name, offset) in InterfaceMessage.placeholders(in: string.value) where !allowed.contains(name) {
                    let known = allowed.sorted().map { "{\($0)}" }.joined(separator: ", ")
                    diagnostics.append(.error("'\(key)' has the placeholder {\(name)}, which \(file) does not have", at: string.location.movedRight(by: offset),
                                              fix: allowed.isEmpty ? "remove it: this string has no placeholders" : "use one of \(known), as \(file) does at \(wanted.location)"))
                }
                for target in InterfaceMessage.linkTargets(in: string.value) where !targets.contains(target) {
                    diagnostics.append(.error("'\(key)' links to '\(target)', which \(file) does not", at: string.location,
                                              fix: targets.isEmpty ? "remove the link: write its words alone" : "link to \(targets.sorted().joined(separator: " or ")), as \(file) does"))
                }
            }
        }
        for (key, entry) in translation.entries.sorted(by: { $0.value.location < $1.value.location }) where source.entries[key] == nil {
            diagnostics.append(.warning("'\(key)' is not used: \(file) has no such key", at: entry.location,
                                        fix: closestMatch(to: key, in: source.entries.keys).map { "did you mean '\($0)'?" } ?? "remove it, or add it to \(file) first"))
        }
        return diagnostics
    }

    private static func sameKind(_ key: String, _ given: InterfaceText.Entry, _ wanted: InterfaceText.Entry, file: String) -> [Diagnostic] {
        if kindName(given.value) != kindName(wanted.value) {
            return [.error("'\(key)' is a \(kindName(given.value)) here but a \(kindName(wanted.value)) in \(file)", at: given.location,
                           fix: "write it as \(file) does at \(wanted.location)")]
        }
        if case let .list(items) = given.value, case let .list(source) = wanted.value, items.count != source.count {
            return [.error("'\(key)' lists \(items.count) strings but \(file) lists \(source.count)", at: given.location,
                           fix: "give one translation for each string of the list in \(file)")]
        }
        return []
    }

    static func kindName(_ value: InterfaceText.Value) -> String {
        switch value {
        case .text: "string"
        case .plural: "plural"
        case .list: "list"
        }
    }

    /// A short sample of the source's words, for a 'translating ...' hint.
    static func sample(_ value: InterfaceText.Value) -> String {
        let text = value.strings.last?.value ?? ""
        return text.count > 60 ? String(text.prefix(57)) + "..." : text
    }
}
