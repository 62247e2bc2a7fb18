import Foundation
import ToolkitMarkdown
import ToolkitModel
import ToolkitTemplates

/// The whole site as files in memory: path -> bytes. Written to disk in one step by `SiteWriter`.
public struct Site: Sendable {
    public var files: [String: [UInt8]] = [:]
    public init() {}
}

/// Renders the pages of every toolkit through the theme's templates, in the words of one interface language.
public struct SiteRenderer {
    let theme: Theme

    public init(theme: Theme) { self.theme = theme }

    /// The site: every toolkit in each of its languages. Throws the pages that could not be rendered (a
    /// template the theme's library does not hold, a language with no locale file), each located at its
    /// cause: an empty page written in its place would pass unnoticed. `markdown` holds the toolkits'
    /// Markdown, in every language, as the build parsed it; a text it lacks is rendered here.
    public func render(_ toolkits: [Toolkit], markdown: MarkdownDocuments = MarkdownDocuments()) throws(DiagnosticList) -> Site {
        var site = Site()
        var failures: [Diagnostic] = []
        for (path, bytes) in theme.assets { site.files["assets/" + path] = bytes }
        var editionsByToolkit: [(Toolkit, [Edition])] = []
        for toolkit in toolkits { editionsByToolkit.append((toolkit, editions(of: toolkit, failures: &failures))) }
        for (path, bytes) in indexPages(editionsByToolkit, failures: &failures) { site.files[path] = bytes }
        for (toolkit, editions) in editionsByToolkit {
            for edition in editions {
                for (path, bytes) in toolkitFiles(edition, markdown: markdown, failures: &failures) {
                    site.files[toolkit.id + "/" + edition.folder + path] = bytes
                }
            }
        }
        guard failures.isEmpty else { throw DiagnosticList(failures) }
        site.files[Checksums.manifestName] = Checksums.manifest(for: site.files)
        return site
    }

    /// The toolkit in its source language, then in each translation the theme has the interface's words for.
    func editions(of toolkit: Toolkit, failures: inout [Diagnostic]) -> [Edition] {
        let source = theme.text(for: toolkit.sourceLanguage) ?? theme.sourceText
        var found: [(Translation, InterfaceText, String)] = [(toolkit.translation(toolkit.sourceLanguage), source, "")]
        for translation in toolkit.translations {
            guard let text = theme.text(for: translation.language) else {
                failures.append(.error("the toolkit is published in '\(translation.language)', but the theme has no words for its interface in that language",
                                       at: toolkit.location,
                                       fix: "add locales/\(translation.language).yml to the theme, or take '\(translation.language)' out of 'languages'"))
                continue
            }
            found.append((translation, text, translation.language + "/"))
        }
        let languages = found.map { _, text, folder in
            Edition.Language(text, folder: folder)
        }
        let sourceTag = source.t("language.tag")
        return found.map { translation, text, folder in
            Edition(toolkit: translation.toolkit, text: text, folder: folder,
                    fallback: Fallback(tag: sourceTag, files: translation.untranslatedFiles), languages: languages)
        }
    }

    /// The site's front page, listing its toolkits, in the theme's source language and in every other
    /// language a toolkit is published in (`cy/index.html`, listing the toolkits that have Welsh).
    func indexPages(_ toolkits: [(Toolkit, [Edition])], failures: inout [Diagnostic]) -> [String: [UInt8]] {
        var byLanguage: [(language: Edition.Language, text: InterfaceText, entries: [[String: TemplateValue]])] = []
        for (toolkit, editions) in toolkits {
            for edition in editions {
                let entry: [String: TemplateValue] = ["id": .text(toolkit.id), "title": .text(edition.toolkit.title),
                                                      "summary": .text(edition.toolkit.summary),
                                                      "href": .text(toolkit.id + "/" + edition.folder + "index.html")]
                if let index = byLanguage.firstIndex(where: { $0.language.folder == edition.folder }) {
                    byLanguage[index].entries.append(entry)
                } else if let language = edition.languages.first(where: { $0.folder == edition.folder }) {
                    byLanguage.append((language, edition.text, [entry]))
                }
            }
        }
        if byLanguage.isEmpty || !byLanguage[0].language.folder.isEmpty {
            let text = theme.sourceText
            byLanguage.insert((Edition.Language(text, folder: ""), text, []), at: 0)
        }
        var files: [String: [UInt8]] = [:]
        for page in byLanguage {
            let root = page.language.folder.isEmpty ? "" : "../"
            let toolkits: [TemplateValue] = page.entries.map { entry in
                guard case let .text(href)? = entry["href"] else { return .object(entry) }
                return .object(entry.merging(["href": .text(root + href)]) { $1 })
            }
            let links = Edition.links(to: byLanguage.map(\.language), from: page.language.folder, on: "index.html")
            let path = page.language.folder + "index.html"
            files[path] = self.page(path, template: "index", root: root, title: page.text.t("index.title"), text: page.text,
                                    links.merging(["toolkits": .list(toolkits)]) { $1 }, failures: &failures)
        }
        return files
    }

    /// An edition's pages and scripts, by their path in its folder, with every interface word in its language.
    public func toolkitFiles(_ edition: Edition, markdown: MarkdownDocuments = MarkdownDocuments(),
                             failures: inout [Diagnostic]) -> [String: [UInt8]] {
        let (toolkit, text, root, fallback) = (edition.toolkit, edition.text, edition.root, edition.fallback)
        var files: [String: [UInt8]] = [:]
        let interface = InterfaceScript.scripts(text, runtimeKeys: theme.runtimeKeys, reportKeys: theme.reportKeys)
        for (path, script) in interface { files[path] = Array(script.utf8) }
        // The scripts on another core while this one renders the pages: neither needs the other.
        let scripts = Concurrently {
            var made: [String: [UInt8]] = [:]
            made["model.js"] = ScriptEmitter.scriptBytes(for: toolkit, fallback: fallback, markdown: markdown)
            ScriptEmitter.eachTextScript(for: toolkit, markdown: markdown) { path, script in made[path] = script }
            return made
        }
        var context = PageContext.toolkit(toolkit, text: text, fallback: fallback, markdown: markdown)
        let titles = ["toolkitTitle": toolkit.title]
        func add(_ name: String, template: String, title: String, _ values: [String: TemplateValue]) {
            let values = values.merging(edition.links(on: name)) { $1 }
            files[name] = page(name, template: template, root: root, title: title, text: text, values, failures: &failures)
        }
        add("index.html", template: "start", title: toolkit.title, context)
        context["questionCount"] = .number(toolkit.allQuestions.count)
        context["interfaceScript"] = .text(interface[0].path)
        add("questions.html", template: "questions", title: text.t("questions.title", titles), context)
        add("all-guidance.html", template: "all-guidance", title: text.t("all-guidance.title", titles),
            context.merging(PageContext.allGuidance(toolkit, text: text, fallback: fallback, markdown: markdown)) { $1 })
        let terms: [TemplateValue] = toolkit.glossary.map {
            ["id": .text($0.id), "term": .text($0.term), "html": .text(markdown.html($0.definition))]
        }
        add("glossary.html", template: "glossary", title: text.t("glossary.title", titles),
            context.merging(["terms": .list(terms), "glossaryLang": .text(toolkit.glossary.first.flatMap { fallback.lang($0.location) })]) { $1 })
        files.merge(scripts.result()) { page, _ in page }
        return files
    }

    private func page(_ path: String, template: String, root: String, title: String, text: InterfaceText,
                      _ context: [String: TemplateValue], failures: inout [Diagnostic]) -> [UInt8]? {
        var context = context
        context["root"] = .text(root)
        context["pageTitle"] = .text(title)
        context["t"] = PageContext.words(text, filledFrom: context)
        guard let html = theme.templates.render(template, with: .object(context)) else {
            let file = "\(theme.templateFolder)/\(template).mustache"
            failures.append(.error("the page \(path) cannot be rendered: the theme has no template '\(template)'",
                                   at: SourceLocation(file: file, line: 1, column: 1), fix: "add \(file)"))
            return nil
        }
        return html
    }
}

