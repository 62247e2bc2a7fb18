import Foundation
import ToolkitModel

/// Reads one question file: the question's settings and 'more information', then its guidance.
enum QuestionReader {
    static let questionSettings = ["id", "question", "type", "options", "hint", "show-if", "law-checked", "review-by"]
    static let guidanceSettings = ["for", "when", "priority", "headline", "links"]

    /// Labels for the answers nearly every question uses, so editors need not repeat them.
    static let standardLabels = ["yes": "Yes", "no": "No", "not-sure": "Not sure"]

    /// Reads the question, and adds the file's law dates to `lawDates`.
    static func read(_ file: SectionedFile, defaultID: String, lawDates: inout [LawDates],
                     diagnostics: inout [Diagnostic]) -> Question? {
        let head = file.sections[0]
        guard let settings = FrontMatter(head.frontMatter, path: file.path, firstLine: head.frontMatterLine,
                                         allowed: questionSettings, diagnostics: &diagnostics) else { return nil }
        let id = settings.string("id", diagnostics: &diagnostics)?.value ?? defaultID
        let text = settings.string("question", required: true, example: "Is the processing necessary?",
                                   diagnostics: &diagnostics)
        var kind = QuestionKind.one
        if let type = settings.string("type", diagnostics: &diagnostics) {
            if let parsed = QuestionKind(rawValue: type.value) { kind = parsed } else {
                diagnostics.append(.error("'\(type.value)' is not a type of question", at: type.location,
                                          fix: "write 'type: one' (choose one answer) or 'type: any' (choose one or more)"))
            }
        }
        let options = readOptions(settings, diagnostics: &diagnostics)
        let dates = settings.lawDates(required: true, diagnostics: &diagnostics)
        lawDates.append(dates)
        let question = Question(
            id: id, text: text?.value ?? "", kind: kind, options: options,
            hint: settings.string("hint", diagnostics: &diagnostics)?.value,
            moreInformation: head.body,
            showIf: settings.condition("show-if", diagnostics: &diagnostics),
            guidance: file.sections.dropFirst().enumerated().compactMap { index, section in
                readGuidance(section, id: "\(id)#\(index + 1)", file: file.path, diagnostics: &diagnostics)
            },
            lawChecked: dates.lawChecked?.value,
            reviewBy: dates.reviewBy?.value,
            location: settings.start,
            moreInformationLocation: SourceLocation(file: file.path, line: head.bodyLine, column: head.bodyColumn))
        return text == nil ? nil : question
    }

    private static func readOptions(_ settings: FrontMatter, diagnostics: inout [Diagnostic]) -> [AnswerOption] {
        guard let items = settings.list("options") else {
            diagnostics.append(.error("the setting 'options' is missing", at: settings.start,
                                      fix: "add the answers, for example 'options: [yes, no, not-sure]'"))
            return []
        }
        var options: [AnswerOption] = []
        for item in items {
            let location = settings.valueStart(item)
            if let id = item.text {
                guard let label = standardLabels[id] else {
                    diagnostics.append(.error("the answer '\(id)' has no label", at: location,
                                              fix: "give it one as '- \(id): Label shown to users'; only yes, no and not-sure have labels already"))
                    continue
                }
                options.append(AnswerOption(id: id, label: label, location: location))
            } else if let pairs = item.pairs, pairs.count == 1, let key = pairs[0].key.text, let label = pairs[0].value.text {
                options.append(AnswerOption(id: key, label: label, location: settings.location(of: pairs[0].key)))
            } else {
                diagnostics.append(.error("an answer should be an id, or 'id: Label'", at: location,
                                          fix: "write each answer on its own line as '- health: Health data'"))
            }
        }
        if items.isEmpty {
            diagnostics.append(.error("the question has no answers", at: settings.location(of: settings.node("options")!),
                                      fix: "list at least two answers, for example 'options: [yes, no, not-sure]'"))
        }
        return options
    }

    private static func readGuidance(_ section: SectionedFile.Section, id: String, file: String,
                                     diagnostics: inout [Diagnostic]) -> Guidance? {
        guard let settings = FrontMatter(section.frontMatter, path: file, firstLine: section.frontMatterLine,
                                         allowed: guidanceSettings, diagnostics: &diagnostics) else { return nil }
        var answers: [Located<String>] = []
        if let items = settings.list("for") {
            answers = items.compactMap { item in item.text.map { Located($0, at: settings.valueStart(item)) } }
        } else {
            diagnostics.append(.error("the guidance does not say which answers earn it", at: settings.start,
                                      fix: "add 'for: yes', or a list such as 'for: [no, not-sure]'"))
        }
        var priority: Priority?
        if let text = settings.string("priority", required: true, example: "act-now", diagnostics: &diagnostics) {
            priority = Priority(rawValue: text.value)
            if priority == nil {
                let suggestion = closestMatch(to: text.value, in: Priority.allCases.map(\.rawValue)).map { "did you mean '\($0)'? " } ?? ""
                diagnostics.append(.error("'\(text.value)' is not a priority", at: text.location,
                                          fix: "\(suggestion)write act-now, plan or keep-doing"))
            }
        }
        let headline = settings.string("headline", required: true, example: "Document why the processing is necessary",
                                       diagnostics: &diagnostics)
        let links = readLinks(settings, diagnostics: &diagnostics)
        let when = settings.condition("when", diagnostics: &diagnostics)
        guard let priority, let headline else { return nil }
        return Guidance(id: id, answers: answers, when: when, priority: priority, headline: headline.value,
                        body: section.body, links: links, location: settings.start,
                        bodyLocation: SourceLocation(file: file, line: section.bodyLine, column: section.bodyColumn))
    }

    private static func readLinks(_ settings: FrontMatter, diagnostics: inout [Diagnostic]) -> [Link] {
        guard let items = settings.list("links") else { return [] }
        var links: [Link] = []
        for item in items {
            let location = settings.location(of: item)
            guard let title = item["title"]?.text, let urlValue = item["url"], let url = urlValue.text else {
                diagnostics.append(.error("a link needs a 'title' and a 'url'", at: location,
                                          fix: "write it as '- title: Guide to Law Enforcement Processing' with '  url: https://…' on the next line"))
                continue
            }
            if !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
                diagnostics.append(.error("the link '\(url)' is not a web address", at: settings.valueStart(urlValue),
                                          fix: "links to further reading start with https://"))
                continue
            }
            links.append(Link(title: title, url: url, location: settings.valueStart(urlValue)))
        }
        return links
    }
}
