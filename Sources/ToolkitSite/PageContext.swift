import ToolkitMarkdown
import ToolkitModel

/// The values templates see, in the words of one interface language. Markdown is rendered to HTML here, and
/// sentences that need a value from a list (a part's date, a question's answers) are made here, so templates
/// stay logic-less. theme/README.md lists every value.
enum PageContext {
    /// The interface's strings as the templates' `t`: `{{t.common.back}}` is the string `common.back`, its
    /// placeholders filled from the page's own values (`{toolkitTitle}`, `{version}`, ...). A string with a
    /// link is HTML, for `{{{t.KEY}}}`; the others are text, which `{{t.KEY}}` escapes. Plural strings and
    /// lists are left out: a template cannot choose a form, so such sentences are made below.
    static func words(_ text: InterfaceText, filledFrom context: [String: Any]) -> [String: Any] {
        var values: [String: String] = [:]
        for (name, value) in context {
            if let string = value as? String { values[name] = string } else if let number = value as? Int { values[name] = String(number) }
        }
        var tree: [String: Any] = [:]
        for (key, entry) in text.entries {
            guard case let .text(string) = entry.value else { continue }
            let hasLink = !InterfaceMessage.linkTargets(in: string.value).isEmpty
            insert(hasLink ? text.html(key, values) : text.t(key, values), at: key.split(separator: ".").map(String.init)[...], into: &tree)
        }
        return tree
    }

    private static func insert(_ value: String, at path: ArraySlice<String>, into tree: inout [String: Any]) {
        guard let first = path.first else { return }
        if path.count == 1 { tree[first] = value; return }
        var child = tree[first] as? [String: Any] ?? [:]
        insert(value, at: path.dropFirst(), into: &child)
        tree[first] = child
    }

    /// `fallback` marks words with no translation yet: `startLang` and, in allGuidance, each part's and
    /// question's `lang` hold the source language's tag for `lang="..."`, or false.
    static func toolkit(_ toolkit: Toolkit, text: InterfaceText, fallback: Fallback = .none,
                        markdown: MarkdownDocuments = MarkdownDocuments()) -> [String: Any] {
        [
            "startLang": fallback.lang(toolkit.location) ?? false,
            "toolkitID": toolkit.id,
            "toolkitTitle": toolkit.title,
            "summary": toolkit.summary,
            "version": toolkit.version,
            "lawAsAt": text.longDate(toolkit.lawAsAt),
            "reviewBy": text.longDate(toolkit.reviewBy),
            "minutes": toolkit.minutes.map { String($0) } ?? "",
            // false, not "": the template engine shows a section for any string, even an empty one.
            "minutesSentence": toolkit.minutes.map { text.plural("start.time", count: $0) as Any } ?? false,
            "startHTML": markdown.html(toolkit.startPage),
            "reportTitle": toolkit.report.title,
            "reportHTML": markdown.html(toolkit.report.body),
            "hasGlossary": !toolkit.glossary.isEmpty,
            "tracks": toolkit.tracks.map { track in
                ["title": track.title, "parts": track.parts.enumerated().map { ["number": $0 + 1, "title": $1.title] }]
            },
            "hasTracks": toolkit.tracks.count > 1,
            "language": text.language,
        ]
    }

    /// Every question with all its guidance for every answer: the site without JavaScript.
    static func allGuidance(_ toolkit: Toolkit, text: InterfaceText, fallback: Fallback = .none,
                            markdown: MarkdownDocuments = MarkdownDocuments()) -> [String: Any] {
        let questions = Dictionary(toolkit.allQuestions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let describe = { (condition: Condition) in PageContext.describe(condition, in: questions, text: text) }
        let or = " \(text.t("common.or")) "
        func parts(_ parts: [Part], numbered: Bool) -> [[String: Any]] {
            parts.enumerated().map { index, part in
                [
                    "id": "part-" + part.id,
                    "caption": numbered ? Part.number(index, of: parts.count, in: text) : "",
                    // Mustache shows a section for any string, even an empty one: these say whether to.
                    "hasCaption": numbered,
                    "fullCaption": part.caption(index, of: parts.count, numbered: numbered, in: text),
                    "title": part.title,
                    "lang": fallback.lang(part.location) ?? false,
                    "html": markdown.html(part.introduction),
                    // false, not "": the template engine takes an empty string as true.
                    "lawChecked": part.latestLawChecked.map { text.longDate($0) as Any } ?? false,
                    "lawCheckedSentence": part.latestLawChecked.map { text.t("part.law-checked", ["date": text.longDate($0)]) as Any } ?? false,
                    // Made one at a time as the page is written: all of them at once, each with its guidance
                    // rendered, held a big toolkit's guidance in memory twice over.
                    "questions": MadeWhenRendered(part.questions, question),
                ]
            }
        }
        func question(_ q: Question) -> [String: Any] {
            let options = q.options.map(\.label).joined(separator: ", ")
            return [
                "id": "question-" + q.id,
                "lang": fallback.lang(q.location) ?? false,
                "text": q.text,
                "hint": q.hint ?? "",
                "html": markdown.html(q.moreInformation),
                "askedWhen": q.showIf.map(describe) ?? "",
                "askedWhenSentence": q.showIf.map { text.t("all-guidance.asked-when", ["condition": describe($0)]) } ?? "",
                "hasAskedWhen": q.showIf != nil,
                "hasHint": q.hint != nil,
                "options": options,
                "choices": text.t(q.kind == .any ? "all-guidance.choose-any" : "all-guidance.choose-one", ["options": options]),
                "guidance": q.guidance.map { g in
                    let answers = g.answers.compactMap { q.option($0.value)?.label }.joined(separator: or)
                    return [
                        "answers": answers,
                        "when": g.when.map(describe) ?? "",
                        "hasWhen": g.when != nil,
                        "ifYouAnswer": g.when.map { text.t("all-guidance.if-answer-when", ["answers": answers, "condition": describe($0)]) }
                            ?? text.t("all-guidance.if-answer", ["answers": answers]),
                        "priority": g.priority.rawValue,
                        "priorityLabel": g.priority.label(in: text),
                        "headline": g.headline,
                        "html": markdown.html(g.body),
                        "links": g.links.map { ["title": $0.title, "url": $0.url] },
                    ] as [String: Any]
                },
            ]
        }
        var sections: [[String: Any]] = []
        if !toolkit.openingParts.isEmpty {
            // The opening parts have titles of their own; a heading above them would be an internal word.
            sections.append(["title": "", "hasTitle": false, "when": "", "whenSentence": "", "hasWhen": false,
                             "parts": parts(toolkit.openingParts, numbered: false)])
        }
        for track in toolkit.tracks {
            sections.append([
                "title": toolkit.tracks.count > 1 ? track.title : "",
                "hasTitle": toolkit.tracks.count > 1,
                "when": track.when.map(describe) ?? "",
                "whenSentence": track.when.map { text.t("all-guidance.track-when", ["condition": describe($0)]) } ?? "",
                "hasWhen": track.when != nil,
                "parts": parts(track.parts, numbered: true),
            ])
        }
        return ["sections": sections]
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
