import Foundation
import ToolkitModel

/// The whole site as files in memory: path -> bytes. Written to disk in one step by `SiteWriter`.
public struct Site: Sendable {
    public var files: [String: [UInt8]] = [:]
    public init() {}
}

/// Renders the pages of every toolkit through the theme's templates.
public struct SiteRenderer {
    let theme: Theme

    public init(theme: Theme) { self.theme = theme }

    /// Throws the pages that could not be rendered (a template the theme's library does not hold), each
    /// located at its template's file: an empty page written in its place would pass unnoticed.
    public func render(_ toolkits: [Toolkit]) throws(DiagnosticList) -> Site {
        var site = Site()
        var failures: [Diagnostic] = []
        for (path, bytes) in theme.assets { site.files["assets/" + path] = bytes }
        page(&site, &failures, "index.html", template: "index", root: "", title: "Toolkits", [
            "toolkits": toolkits.map { ["id": $0.id, "title": $0.title, "summary": $0.summary] },
        ])
        for toolkit in toolkits {
            let folder = toolkit.id + "/"
            var context = PageContext.toolkit(toolkit)
            page(&site, &failures, folder + "index.html", template: "start", root: "../", title: toolkit.title, context)
            context["questionCount"] = toolkit.allQuestions.count
            page(&site, &failures, folder + "questions.html", template: "questions", root: "../", title: "Questions: \(toolkit.title)", context)
            page(&site, &failures, folder + "all-guidance.html", template: "all-guidance", root: "../",
                 title: "All questions and guidance: \(toolkit.title)", context.merging(PageContext.allGuidance(toolkit)) { $1 })
            page(&site, &failures, folder + "glossary.html", template: "glossary", root: "../", title: "Glossary: \(toolkit.title)",
                 context.merging(["terms": toolkit.glossary.map { ["id": $0.id, "term": $0.term, "html": Markdown.html($0.definition)] }]) { $1 })
            // The scripts after the pages: the page with all the guidance is the biggest thing a build makes,
            // and made first it does not stack on top of them at the build's peak of memory.
            site.files[folder + "model.js"] = Array(ScriptEmitter.script(for: toolkit).utf8)
            ScriptEmitter.eachTextScript(for: toolkit) { path, script in site.files[folder + path] = Array(script.utf8) }
        }
        guard failures.isEmpty else { throw DiagnosticList(failures) }
        site.files[Checksums.manifestName] = Checksums.manifest(for: site.files)
        return site
    }

    private func page(_ site: inout Site, _ failures: inout [Diagnostic], _ path: String, template: String, root: String, title: String, _ context: [String: Any]) {
        var context = context
        context["root"] = root
        context["pageTitle"] = title
        guard let html = theme.templates.render(context, withTemplate: template) else {
            let file = "\(theme.templateFolder)/\(template).mustache"
            failures.append(.error("the page \(path) cannot be rendered: the theme has no template '\(template)'",
                                   at: SourceLocation(file: file, line: 1, column: 1), fix: "add \(file)"))
            return
        }
        site.files[path] = Array(html.utf8)
    }
}

/// The values templates see. Markdown is rendered to HTML here, so templates stay logic-less.
enum PageContext {
    static func toolkit(_ toolkit: Toolkit) -> [String: Any] {
        [
            "toolkitID": toolkit.id,
            "toolkitTitle": toolkit.title,
            "summary": toolkit.summary,
            "version": toolkit.version,
            "lawAsAt": longDate(toolkit.lawAsAt),
            "reviewBy": longDate(toolkit.reviewBy),
            "minutes": toolkit.minutes.map { String($0) } ?? "",
            "startHTML": Markdown.html(toolkit.startPage),
            "reportTitle": toolkit.report.title,
            "reportHTML": Markdown.html(toolkit.report.body),
            "hasGlossary": !toolkit.glossary.isEmpty,
            "tracks": toolkit.tracks.map { track in
                ["title": track.title, "parts": track.parts.enumerated().map { ["number": $0 + 1, "title": $1.title] }]
            },
            "hasTracks": toolkit.tracks.count > 1,
        ]
    }

    /// Every question with all its guidance for every answer: the site without JavaScript.
    static func allGuidance(_ toolkit: Toolkit) -> [String: Any] {
        let questions = Dictionary(toolkit.allQuestions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        func parts(_ parts: [Part], prefix: String) -> [[String: Any]] {
            parts.enumerated().map { index, part in
                [
                    "id": "part-" + part.id,
                    "caption": prefix.isEmpty ? "" : Part.number(index, of: parts.count),
                    // Mustache shows a section for any string, even an empty one: these say whether to.
                    "hasCaption": !prefix.isEmpty,
                    "title": part.title,
                    "html": Markdown.html(part.introduction),
                    // false, not "": the template engine takes an empty string as true.
                    "lawChecked": part.latestLawChecked.map { longDate($0) as Any } ?? false,
                    // Made one at a time as the page is written: all of them at once, each with its guidance
                    // rendered, held a big toolkit's guidance in memory twice over.
                    "questions": MadeWhenRendered(part.questions, question),
                ]
            }
        }
        func question(_ q: Question) -> [String: Any] {
            [
                "id": "question-" + q.id,
                "text": q.text,
                "hint": q.hint ?? "",
                "html": Markdown.html(q.moreInformation),
                "askedWhen": q.showIf.map { describe($0, in: questions) } ?? "",
                "hasAskedWhen": q.showIf != nil,
                "hasHint": q.hint != nil,
                "options": q.options.map(\.label).joined(separator: ", "),
                "kind": q.kind == .any ? "Choose all that apply." : "Choose one answer.",
                "guidance": q.guidance.map { g in
                    [
                        "answers": g.answers.compactMap { q.option($0.value)?.label }.joined(separator: " or "),
                        "when": g.when.map { describe($0, in: questions) } ?? "",
                        "hasWhen": g.when != nil,
                        "priority": g.priority.rawValue,
                        "priorityLabel": g.priority.label,
                        "headline": g.headline,
                        "html": Markdown.html(g.body),
                        "links": g.links.map { ["title": $0.title, "url": $0.url] },
                    ] as [String: Any]
                },
            ]
        }
        var sections: [[String: Any]] = []
        if !toolkit.openingParts.isEmpty {
            // The opening parts have titles of their own; a heading above them would be an internal word.
            sections.append(["title": "", "hasTitle": false, "when": "", "hasWhen": false,
                             "parts": parts(toolkit.openingParts, prefix: "")])
        }
        for track in toolkit.tracks {
            sections.append([
                "title": toolkit.tracks.count > 1 ? track.title : "",
                "hasTitle": toolkit.tracks.count > 1,
                "when": track.when.map { describe($0, in: questions) } ?? "",
                "hasWhen": track.when != nil,
                "parts": parts(track.parts, prefix: toolkit.tracks.count > 1 ? track.title : "Part"),
            ])
        }
        return ["sections": sections]
    }

    /// A condition in words, using the questions' and answers' own text. `questions` is every question by id,
    /// made once per toolkit: a search of the toolkit for each condition made big toolkits quadratic.
    static func describe(_ condition: Condition, in questions: [String: Question]) -> String {
        func label(_ q: Located<String>, _ o: Located<String>) -> String {
            questions[q.value]?.option(o.value)?.label ?? o.value
        }
        func text(_ q: Located<String>) -> String { "'\(questions[q.value]?.text ?? q.value)'" }
        switch condition {
        case let .equals(q, o): return "you answered \(label(q, o)) to \(text(q))"
        case let .oneOf(q, os): return "you answered \(os.map { label(q, $0) }.joined(separator: " or ")) to \(text(q))"
        case let .includes(q, o): return "you chose \(label(q, o)) for \(text(q))"
        case let .not(.equals(q, o)): return "you did not answer \(label(q, o)) to \(text(q))"
        case let .not(c): return "it is not the case that \(describe(c, in: questions))"
        case let .and(a, b): return "\(describe(a, in: questions)), and \(describe(b, in: questions))"
        case let .or(a, b): return "\(describe(a, in: questions)), or \(describe(b, in: questions))"
        }
    }

    /// 2026-11-25 -> 25 November 2026.
    static func longDate(_ iso: String) -> String {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                      "October", "November", "December"]
        guard parts.count == 3, (1...12).contains(parts[1]) else { return iso }
        return "\(parts[2]) \(months[parts[1] - 1]) \(parts[0])"
    }
}
