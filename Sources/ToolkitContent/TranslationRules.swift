import Foundation
import ToolkitModel

/// What each section of a translation may say: the settings that are words (translated), the settings that
/// are not (taken from the source; if written, they must be the source's), and the key of its Markdown body.
struct TranslationRules {
    /// Setting name -> text key.
    var texts: [(setting: String, key: String)] = []
    /// Settings a translation may repeat, equal to the source's.
    var fixed: [String] = []
    /// Settings read with their own rules: a question's answers, an item of guidance's links.
    var special: [String] = []
    /// Settings allowed and not used (the glossary's title, which the site does not show).
    var ignored: [String] = []
    /// The key of the body; nil for the glossary, whose body is its terms.
    var body: String?

    static let conditions: Set<String> = ["show-if", "when"]
    /// Settings compared as lists, where a single value is a list of one.
    static let lists: Set<String> = ["for", "languages"]
    static let lawDates = ["law-checked", "review-by"]

    var allowed: [String] { texts.map(\.setting) + fixed + special + ignored }

    /// The rules for section `section` (0: the front matter at the top) of a file of this kind.
    static func of(_ kind: TranslatableFile.Kind, section: Int) -> TranslationRules {
        switch kind {
        case .toolkit:
            TranslationRules(texts: [("title", TextKey.title), ("summary", TextKey.summary)],
                             fixed: ["id", "version", "law-as-at", "review-by", "minutes", "languages"], body: TextKey.startPage)
        case .report:
            TranslationRules(texts: [("title", TextKey.title), ("notice", TextKey.notice)] + Priority.allCases.map { ($0.rawValue, $0.rawValue) },
                             fixed: lawDates, body: TextKey.body)
        case .glossary:
            TranslationRules(fixed: lawDates, ignored: ["title"])
        case .track:
            TranslationRules(texts: [("title", TextKey.title), ("if-unsure", TextKey.ifUnsure)],
                             fixed: ["id", "when"] + lawDates, body: TextKey.description)
        case .part:
            TranslationRules(texts: [("title", TextKey.title)], fixed: ["id"] + lawDates, body: TextKey.introduction)
        case .question where section == 0:
            TranslationRules(texts: [("question", TextKey.question), ("hint", TextKey.hint)],
                             fixed: ["id", "type", "show-if"] + lawDates, special: ["options"], body: TextKey.moreInformation)
        case .question:
            TranslationRules(texts: [("headline", TextKey.headline(section))], fixed: ["for", "when", "priority"],
                             special: ["links"], body: TextKey.guidanceBody(section))
        }
    }

    /// What a text is, in an editor's words, for a message about it.
    static func describe(_ key: String) -> String {
        let parts = key.split(separator: ":").map(String.init)
        switch parts.first {
        case "option": return "a label for the answer '\(parts.dropFirst().joined(separator: ":"))'"
        case "term": return "the term '\(parts.dropFirst().joined(separator: ":"))'"
        case "definition": return "the definition of '\(parts.dropFirst().joined(separator: ":"))'"
        case "guidance" where parts.count >= 3:
            switch parts[2] {
            case "headline": return "the headline of guidance \(parts[1])"
            case "body": return "the text of guidance \(parts[1]) (the Markdown after its front matter)"
            default: return "the title of link \(parts.last!) of guidance \(parts[1])"
            }
        default: break
        }
        switch key {
        case TextKey.question: return "the question ('question')"
        case TextKey.moreInformation: return "the 'more information' text (the Markdown after the front matter)"
        case TextKey.startPage: return "the start page (the Markdown after the front matter)"
        case TextKey.body: return "the report's text (the Markdown after the front matter)"
        case TextKey.description: return "the track's description (the Markdown after the front matter)"
        case TextKey.introduction: return "the part's introduction (the Markdown after the front matter)"
        default: return "'\(key)'"
        }
    }
}

/// Where translations go and which settings hold which words, for the tools that write translation files.
public enum TranslationLayout {
    /// The settings that hold words in section `section` of a file of this kind, with their text keys, in
    /// the order a translation file writes them. A question's answers are written after 'question'.
    public static func texts(_ kind: TranslatableFile.Kind, section: Int) -> [(setting: String, key: String)] {
        TranslationRules.of(kind, section: section).texts
    }

    /// The key of the section's Markdown body (nil for the glossary, whose body is its terms).
    public static func body(_ kind: TranslatableFile.Kind, section: Int) -> String? {
        TranslationRules.of(kind, section: section).body
    }

    /// The language of a translation file (`01-x.cy.md` -> `cy`), or nil for a source file.
    public static func language(ofFile path: String) -> String? {
        TranslationFiles.language(ofName: (path as NSString).lastPathComponent)
    }

    /// `01-x.md` -> `01-x.cy.md`, beside it.
    public static func path(of source: String, in language: String) -> String {
        TranslationFiles.path(of: source, in: language)
    }
}
