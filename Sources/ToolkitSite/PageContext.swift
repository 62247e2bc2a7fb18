import ToolkitMarkdown
import ToolkitModel
import ToolkitTemplates

/// The values templates see, in the words of one interface language. Markdown is rendered to HTML here, and
/// sentences that need a value from a list (a part's date, a question's answers) are made here, so templates
/// stay logic-less. theme/README.md lists every value.
enum PageContext {
    /// The interface's strings as the templates' `t`: `{{t.common.back}}` is the string `common.back`, its
    /// placeholders filled from the page's own values (`{toolkitTitle}`, `{version}`, ...). A string with a
    /// link is HTML, for `{{{t.KEY}}}`; the others are text, which `{{t.KEY}}` escapes. Plural strings and
    /// lists are left out: a template cannot choose a form, so such sentences are made below.
    static func words(_ text: InterfaceText, filledFrom context: [String: TemplateValue]) -> TemplateValue {
        var values: [String: String] = [:]
        for (name, value) in context {
            switch value {
            case let .text(string): values[name] = string
            case let .number(number): values[name] = String(number)
            default: break
            }
        }
        var tree: [String: TemplateValue] = [:]
        for (key, entry) in text.entries {
            guard case .text = entry.value else { continue }
            insert(entry.hasLink ? text.html(key, values) : text.t(key, values), at: key.split(separator: ".").map(String.init)[...], into: &tree)
        }
        return .object(tree)
    }

    private static func insert(_ value: String, at path: ArraySlice<String>, into tree: inout [String: TemplateValue]) {
        guard let first = path.first else { return }
        if path.count == 1 { tree[first] = .text(value); return }
        var child: [String: TemplateValue] = [:]
        if case let .object(values)? = tree[first] { child = values }
        insert(value, at: path.dropFirst(), into: &child)
        tree[first] = .object(child)
    }

    /// `fallback` marks words with no translation yet: `startLang` and, in allGuidance, each part's and
    /// question's `lang` hold the source language's tag for `lang="..."`, or false.
    static func toolkit(_ toolkit: Toolkit, text: InterfaceText, fallback: Fallback = .none,
                        markdown: MarkdownDocuments = MarkdownDocuments()) -> [String: TemplateValue] {
        [
            "startLang": .text(fallback.lang(toolkit.location)),
            "toolkitID": .text(toolkit.id),
            "toolkitTitle": .text(toolkit.title),
            "summary": .text(toolkit.summary),
            "version": .text(toolkit.version),
            "lawAsAt": .text(text.longDate(toolkit.lawAsAt)),
            "reviewBy": .text(text.longDate(toolkit.reviewBy)),
            "minutes": .text(toolkit.minutes.map { String($0) } ?? ""),
            // false, not "": a template shows a section for any text, even an empty one.
            "minutesSentence": .text(toolkit.minutes.map { text.plural("start.time", count: $0) }),
            "startHTML": .text(markdown.html(toolkit.startPage)),
            "reportTitle": .text(toolkit.report.title),
            "reportHTML": .text(markdown.html(toolkit.report.body)),
            "hasGlossary": .bool(!toolkit.glossary.isEmpty),
            "tracks": .list(toolkit.tracks.map { track in
                ["title": .text(track.title),
                 "parts": .list(track.parts.enumerated().map { ["number": .number($0 + 1), "title": .text($1.title)] })]
            }),
            "hasTracks": .bool(toolkit.tracks.count > 1),
            "language": .text(text.language),
        ]
    }

    /// Every question with all its guidance for every answer: the site without JavaScript.
    static func allGuidance(_ toolkit: Toolkit, text: InterfaceText, fallback: Fallback = .none,
                            markdown: MarkdownDocuments = MarkdownDocuments()) -> [String: TemplateValue] {
        let questions = Dictionary(toolkit.allQuestions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let describe = { (condition: Condition) in PageContext.describe(condition, in: questions, text: text) }
        let or = " \(text.t("common.or")) "
        func parts(_ parts: [Part], numbered: Bool) -> TemplateValue {
            .list(parts.enumerated().map { index, part in
                [
                    "id": .text("part-" + part.id),
                    "caption": .text(numbered ? Part.number(index, of: parts.count, in: text) : ""),
                    // A template shows a section for any text, even an empty one: these say whether to.
                    "hasCaption": .bool(numbered),
                    "fullCaption": .text(part.caption(index, of: parts.count, numbered: numbered, in: text)),
                    "title": .text(part.title),
                    "lang": .text(fallback.lang(part.location)),
                    "html": .text(markdown.html(part.introduction)),
                    "lawChecked": .text(part.latestLawChecked.map { text.longDate($0) }),
                    "lawCheckedSentence": .text(part.latestLawChecked.map { text.t("part.law-checked", ["date": text.longDate($0)]) }),
                    // Made one at a time as the page is written: all of them at once, each with its guidance
                    // rendered, held a big toolkit's guidance in memory twice over.
                    "questions": .madeWhenRendered(part.questions, question),
                ]
            })
        }
        func question(_ q: Question) -> TemplateValue {
            let options = q.options.map(\.label).joined(separator: ", ")
            return [
                "id": .text("question-" + q.id),
                "lang": .text(fallback.lang(q.location)),
                "text": .text(q.text),
                "hint": .text(q.hint ?? ""),
                "html": .text(markdown.html(q.moreInformation)),
                "askedWhen": .text(q.showIf.map(describe) ?? ""),
                "askedWhenSentence": .text(q.showIf.map { text.t("all-guidance.asked-when", ["condition": describe($0)]) } ?? ""),
                "hasAskedWhen": .bool(q.showIf != nil),
                "hasHint": .bool(q.hint != nil),
                "options": .text(options),
                "choices": .text(text.t(q.kind == .any ? "all-guidance.choose-any" : "all-guidance.choose-one", ["options": options])),
                "guidance": .list(q.guidance.map { g in
                    let answers = g.answers.compactMap { q.option($0.value)?.label }.joined(separator: or)
                    return [
                        "answers": .text(answers),
                        "when": .text(g.when.map(describe) ?? ""),
                        "hasWhen": .bool(g.when != nil),
                        "ifYouAnswer": .text(g.when.map { text.t("all-guidance.if-answer-when", ["answers": answers, "condition": describe($0)]) }
                            ?? text.t("all-guidance.if-answer", ["answers": answers])),
                        "priority": .text(g.priority.rawValue),
                        "priorityLabel": .text(g.priority.label(in: text)),
                        "headline": .text(g.headline),
                        "html": .text(markdown.html(g.body)),
                        "links": .list(g.links.map { ["title": .text($0.title), "url": .text($0.url)] }),
                    ]
                }),
            ]
        }
        var sections: [TemplateValue] = []
        if !toolkit.openingParts.isEmpty {
            // The opening parts have titles of their own; a heading above them would be an internal word.
            sections.append(["title": "", "hasTitle": false, "when": "", "whenSentence": "", "hasWhen": false,
                             "parts": parts(toolkit.openingParts, numbered: false)])
        }
        for track in toolkit.tracks {
            sections.append([
                "title": .text(toolkit.tracks.count > 1 ? track.title : ""),
                "hasTitle": .bool(toolkit.tracks.count > 1),
                "when": .text(track.when.map(describe) ?? ""),
                "whenSentence": .text(track.when.map { text.t("all-guidance.track-when", ["condition": describe($0)]) } ?? ""),
                "hasWhen": .bool(track.when != nil),
                "parts": parts(track.parts, numbered: true),
            ])
        }
        return ["sections": .list(sections)]
    }

    /// A condition in words, using the questions' and answers' own text. `questions` is every question by id,
    /// made once per toolkit: a search of the toolkit for each condition made big toolkits quadratic.
    static func describe(_ condition: Condition, in questions: [String: Question], text: InterfaceText) -> String {
        func label(_ q: Located<String>, _ o: Located<String>) -> String {
            questions[q.value]?.option(o.value)?.label ?? o.value
        }
        func question(_ q: Located<String>) -> String { questions[q.value]?.text ?? q.value }
        let or = " \(text.t("common.or")) "
        func words(_ key: String, _ q: Located<String>, _ answer: String) -> String {
            text.t(key, ["answer": answer, "question": question(q)])
        }
        switch condition {
        case let .equals(q, o): return words("conditions.answered", q, label(q, o))
        case let .oneOf(q, os): return words("conditions.answered", q, os.map { label(q, $0) }.joined(separator: or))
        case let .includes(q, o): return words("conditions.chose", q, label(q, o))
        case let .not(.equals(q, o)): return words("conditions.did-not-answer", q, label(q, o))
        case let .not(c): return text.t("conditions.not", ["condition": describe(c, in: questions, text: text)])
        case let .and(a, b):
            return text.t("conditions.and", ["first": describe(a, in: questions, text: text), "second": describe(b, in: questions, text: text)])
        case let .or(a, b):
            return text.t("conditions.either", ["first": describe(a, in: questions, text: text), "second": describe(b, in: questions, text: text)])
        }
    }
}
