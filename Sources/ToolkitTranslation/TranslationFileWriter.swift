import ToolkitContent
import ToolkitModel
import Yams

/// Writes a translation file from its texts, in the form the loader reads: the source's sections in the
/// source's order, each with only words (and the answers' ids that their labels need). Everything else
/// the loader takes from the source, so a change there never makes the translation wrong.
enum TranslationFileWriter {
    /// The text of `NAME.LANG.md` for `source`, from `texts` by key. Every key of the source must have a text.
    static func text(for source: TranslatableFile, texts: [String: String], translatedFrom: String?) throws -> String {
        var sections: [(settings: String, body: String)] = []
        var head = translatedFrom.map { "translated-from: \($0)\n" } ?? ""
        for (setting, key) in TranslationLayout.texts(source.kind, section: 0) {
            if let text = texts[key] { head += try line(setting, text) }
            if setting == "question" { head += try list("options", options(source, texts)) }
        }
        var body = TranslationLayout.body(source.kind, section: 0).flatMap { texts[$0] } ?? ""
        if source.kind == .glossary {
            body = source.texts.filter { $0.key.hasPrefix("term:") }.map { term -> String in
                let id = String(term.key.dropFirst("term:".count))
                let definition = texts[TextKey.definition(id)].map { "\n\n" + $0 } ?? ""
                return "## " + (texts[term.key] ?? "") + definition
            }.joined(separator: "\n\n")
        }
        sections.append((head, body))
        for number in guidanceNumbers(source) {
            var settings = try line("headline", texts[TextKey.headline(number)] ?? "")
            let links = source.texts.filter { $0.key.hasPrefix("guidance:\(number):link:") }
                .map { [(key: "title", value: texts[$0.key] ?? "")] }
            settings += try list("links", links)
            sections.append((settings, texts[TextKey.guidanceBody(number)] ?? ""))
        }
        return sections.map { "---\n\($0.settings)---\n" + ($0.body.isEmpty ? "" : $0.body + "\n") }.joined(separator: "\n")
    }

    /// Why a translated text cannot go into the file as it is, or nil when it can.
    static func problem(key: String, text: String) -> String? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if TextKey.isMarkdown(key) {
            if lines.contains(where: { $0.trimmingCharacters(in: .whitespaces) == "---" }) {
                return "a line '---' in the text would start front matter: write '***' for a horizontal rule"
            }
            if key.hasPrefix("definition:"), lines.contains(where: { $0.hasPrefix("## ") }) {
                return "a line starting '## ' in a definition would start another term: use '###' for a heading in it"
            }
        } else if key.hasPrefix("term:"), lines.count > 1 {
            return "a glossary term is one line"
        }
        return nil
    }

    private static func guidanceNumbers(_ source: TranslatableFile) -> [Int] {
        source.texts.compactMap { text -> Int? in
            let parts = text.key.split(separator: ":")
            return parts.count == 3 && parts[0] == "guidance" && parts[2] == "headline" ? Int(parts[1]) : nil
        }
    }

    private static func options(_ source: TranslatableFile, _ texts: [String: String]) -> [[(key: String, value: String)]] {
        source.texts.filter { $0.key.hasPrefix("option:") }.map { option in
            [(key: String(option.key.dropFirst("option:".count)), value: texts[option.key] ?? "")]
        }
    }

    /// `key: value`, the value written by Yams so that the loader reads back exactly the text given.
    private static func line(_ key: String, _ value: String) throws -> String {
        try Yams.serialize(node: .mapping(Node.Mapping([(Node(key), scalar(value))])), width: -1, allowUnicode: true)
    }

    /// `key:` and a list of one-line mappings (`- yes: Ydy`, `- title: …`), indented as editors write them.
    private static func list(_ key: String, _ items: [[(key: String, value: String)]]) throws -> String {
        guard !items.isEmpty else { return "" }
        var out = "\(key):\n"
        for item in items {
            for (index, pair) in item.enumerated() {
                out += (index == 0 ? "  - " : "    ") + (try line(pair.key, pair.value))
            }
        }
        return out
    }

    /// A value on one line: texts with a line break are double-quoted, where YAML writes it as `\n`.
    private static func scalar(_ value: String) -> Node {
        value.contains("\n") || value.contains("\r") ? Node(value, .implicit, .doubleQuoted) : Node(value)
    }
}
