import ToolkitModel
import ToolkitTemplates

/// One language's edition of a toolkit as the site writes it. The source language's pages sit in the
/// toolkit's folder; each translation's sit in a folder named for its language (`data-analytics/cy/`), with
/// the same page names, so every link between a toolkit's own pages stays as it is. Saved answers are kept
/// by the toolkit's id and version, so both editions read the same answers.
public struct Edition {
    public var toolkit: Toolkit
    public var text: InterfaceText
    /// "" for the source language, "cy/" for Welsh: where the pages sit inside the toolkit's folder.
    public var folder: String
    public var fallback: Fallback
    /// Every edition's language, folder and name, this one's included, for the link to each other one.
    public var languages: [Language]

    public init(toolkit: Toolkit, text: InterfaceText, folder: String = "", fallback: Fallback = .none, languages: [Language] = []) {
        self.toolkit = toolkit; self.text = text; self.folder = folder; self.fallback = fallback; self.languages = languages
    }

    public struct Language {
        public var tag: String
        public var name: String
        /// The hidden words before the name, in the language itself: "Newid yr iaith i'r Gymraeg".
        public var switchTo: String
        public var folder: String

        public init(tag: String, name: String, switchTo: String, folder: String) {
            self.tag = tag; self.name = name; self.switchTo = switchTo; self.folder = folder
        }

        /// The language whose interface words are `text`, with its pages in `folder`.
        public init(_ text: InterfaceText, folder: String) {
            self.init(tag: text.t("language.tag"), name: text.t("language.name"), switchTo: text.t("language.switch-to"),
                      folder: folder)
        }
    }

    /// From a page of this edition's to the site's root.
    public var root: String { folder.isEmpty ? "../" : "../../" }

    /// The template values for the language links on `page` (`languages`, `hasLanguages`).
    func links(on page: String) -> [String: TemplateValue] { Self.links(to: languages, from: folder, on: page) }

    /// The language links on `page` of the folder `folder` ("" or "cy/"), to the same page in each of
    /// `languages`: for a toolkit's pages and for the site's front pages alike.
    static func links(to languages: [Language], from folder: String, on page: String) -> [String: TemplateValue] {
        let entries: [TemplateValue] = languages.map { language in
            ["tag": .text(language.tag), "name": .text(language.name), "switchTo": .text(language.switchTo),
             "current": .bool(language.folder == folder), "href": .text((folder.isEmpty ? "" : "../") + language.folder + page)]
        }
        return ["languages": .list(entries), "hasLanguages": .bool(languages.count > 1)]
    }
}

/// The words of an edition that have no translation yet, and so come in the source language: the site
/// marks them with that language's tag, so screen readers switch voice, and shows a short notice.
public struct Fallback: Sendable {
    /// The source language's tag, as `lang="..."` takes it ("en-GB").
    public var tag: String
    /// Source files (as in `SourceLocation.file`) whose words are shown untranslated.
    public var files: Set<String>

    public init(tag: String, files: Set<String>) { self.tag = tag; self.files = files }

    public static let none = Fallback(tag: "", files: [])

    /// The tag to mark the words written at `location` with, or nil when they are in the edition's language.
    public func lang(_ location: SourceLocation) -> String? { files.contains(location.file) ? tag : nil }
}
