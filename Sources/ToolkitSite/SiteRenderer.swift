import Foundation
import ToolkitModel

/// The whole site as files in memory: path -> bytes. Written to disk in one step by `SiteWriter`.
public struct Site: Sendable {
    public var files: [String: [UInt8]] = [:]
    public init() {}
}

/// Renders the pages of every toolkit through the theme's templates, in the words of one interface language.
public struct SiteRenderer {
    let theme: Theme

    public init(theme: Theme) { self.theme = theme }

    /// The site in the theme's source language. Throws the pages that could not be rendered (a template the
    /// theme's library does not hold), each located at its template's file: an empty page written in its
    /// place would pass unnoticed.
    public func render(_ toolkits: [Toolkit]) throws(DiagnosticList) -> Site {
        let text = theme.sourceText
        var site = Site()
        var failures: [Diagnostic] = []
        for (path, bytes) in theme.assets { site.files["assets/" + path] = bytes }
        site.files["index.html"] = page("index.html", template: "index", root: "", title: text.t("index.title"), text: text, [
            "toolkits": toolkits.map { ["id": $0.id, "title": $0.title, "summary": $0.summary] },
        ], failures: &failures)
        for toolkit in toolkits {
            for (path, bytes) in toolkitFiles(toolkit, in: text, failures: &failures) { site.files[toolkit.id + "/" + path] = bytes }
        }
        guard failures.isEmpty else { throw DiagnosticList(failures) }
        site.files[Checksums.manifestName] = Checksums.manifest(for: site.files)
        return site
    }

    /// A toolkit's pages and scripts, by their path in its folder, with every interface word from `text`.
    /// `pageName` names each page file ("questions.html" for the source language), and `interfaceFolder`
    /// is where the runtime's words go, so that a second language can sit beside the first.
    public func toolkitFiles(_ toolkit: Toolkit, in text: InterfaceText, pageName: (String) -> String = { $0 },
                             interfaceFolder: String = InterfaceScript.folder,
                             failures: inout [Diagnostic]) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        let interface = InterfaceScript.scripts(text, runtimeKeys: theme.runtimeKeys, reportKeys: theme.reportKeys, folder: interfaceFolder)
        for (path, script) in interface { files[path] = Array(script.utf8) }
        var context = PageContext.toolkit(toolkit, text: text)
        let titles = ["toolkitTitle": toolkit.title]
        files[pageName("index.html")] = page(pageName("index.html"), template: "start", root: "../", title: toolkit.title,
                                             text: text, context, failures: &failures)
        context["questionCount"] = toolkit.allQuestions.count
        context["interfaceScript"] = interface[0].path
        files[pageName("questions.html")] = page(pageName("questions.html"), template: "questions", root: "../",
                                                 title: text.t("questions.title", titles), text: text, context, failures: &failures)
        files[pageName("all-guidance.html")] = page(pageName("all-guidance.html"), template: "all-guidance", root: "../",
                                                    title: text.t("all-guidance.title", titles), text: text,
                                                    context.merging(PageContext.allGuidance(toolkit, text: text)) { $1 }, failures: &failures)
        let terms = toolkit.glossary.map { ["id": $0.id, "term": $0.term, "html": Markdown.html($0.definition)] }
        files[pageName("glossary.html")] = page(pageName("glossary.html"), template: "glossary", root: "../",
                                                title: text.t("glossary.title", titles), text: text,
                                                context.merging(["terms": terms]) { $1 }, failures: &failures)
        // The scripts after the pages: the page with all the guidance is the biggest thing a build makes,
        // and made first it does not stack on top of them at the build's peak of memory.
        files["model.js"] = Array(ScriptEmitter.script(for: toolkit).utf8)
        ScriptEmitter.eachTextScript(for: toolkit) { path, script in files[path] = Array(script.utf8) }
        return files
    }

    private func page(_ path: String, template: String, root: String, title: String, text: InterfaceText, _ context: [String: Any],
                      failures: inout [Diagnostic]) -> [UInt8]? {
        var context = context
        context["root"] = root
        context["pageTitle"] = title
        context["t"] = PageContext.words(text, filledFrom: context)
        guard let html = theme.templates.render(context, withTemplate: template) else {
            let file = "\(theme.templateFolder)/\(template).mustache"
            failures.append(.error("the page \(path) cannot be rendered: the theme has no template '\(template)'",
                                   at: SourceLocation(file: file, line: 1, column: 1), fix: "add \(file)"))
            return nil
        }
        return Array(html.utf8)
    }
}
