/// A toolkit: a questionnaire in parts whose answers earn guidance in a report.
/// Opening parts are asked first and choose a track; each track has its own parts.
public struct Toolkit: Sendable, Equatable {
    public var id: String
    public var title: String
    public var summary: String
    public var version: String
    public var lawAsAt: String
    public var reviewBy: String
    public var minutes: Int?
    /// Markdown for the start page.
    public var startPage: String
    /// Where the start page's text starts in toolkit.md.
    public var startPageLocation: SourceLocation
    public var report: ReportIntroduction
    public var glossary: [GlossaryTerm]
    public var openingParts: [Part]
    public var tracks: [Track]
    /// The law dates of every content file of the toolkit, in file order.
    public var lawDates: [LawDates]
    /// The languages the toolkit is published in, as language codes ("en", "cy"). The first is the
    /// source: every other is translated from it.
    public var languages: [String]
    /// The translation files read beside the source files, of every language but the source (see Translation).
    public var translatedFiles: [TranslatedFile]
    public var location: SourceLocation

    public init(id: String, title: String, summary: String = "", version: String = "1", lawAsAt: String = "",
                reviewBy: String = "", minutes: Int? = nil, startPage: String = "",
                report: ReportIntroduction = ReportIntroduction(), glossary: [GlossaryTerm] = [],
                openingParts: [Part] = [], tracks: [Track], lawDates: [LawDates] = [],
                languages: [String] = ["en"], translatedFiles: [TranslatedFile] = [],
                location: SourceLocation = .unknown, startPageLocation: SourceLocation = .unknown) {
        self.id = id; self.title = title; self.summary = summary; self.version = version
        self.lawAsAt = lawAsAt; self.reviewBy = reviewBy; self.minutes = minutes; self.startPage = startPage
        self.report = report; self.glossary = glossary; self.openingParts = openingParts; self.tracks = tracks
        self.lawDates = lawDates; self.languages = languages; self.translatedFiles = translatedFiles
        self.location = location; self.startPageLocation = startPageLocation
    }

    /// The language the content is written in; translations are made from it.
    public var sourceLanguage: String { languages.first ?? "en" }

    /// Every question in the order a user meets them: opening parts, then each track's parts.
    public var allQuestions: [Question] {
        // Into one array of the right size: concatenating each track's questions copied each question
        // several times, and the checks and the pages ask for them all.
        var questions: [Question] = []
        questions.reserveCapacity(openingParts.reduce(0) { $0 + $1.questions.count }
                                  + tracks.reduce(0) { $0 + $1.parts.reduce(0) { $0 + $1.questions.count } })
        for part in openingParts { questions.append(contentsOf: part.questions) }
        for track in tracks { for part in track.parts { questions.append(contentsOf: part.questions) } }
        return questions
    }

    /// Looks through the parts in place: building `allQuestions` for each look-up copied every question.
    public func question(_ id: String) -> Question? {
        for part in openingParts + tracks.flatMap(\.parts) {
            if let found = part.questions.first(where: { $0.id == id }) { return found }
        }
        return nil
    }
}

public struct ReportIntroduction: Sendable, Equatable {
    public var title: String
    /// Markdown: what the report is and its disclaimers, shown in full at the end of the report.
    public var body: String
    /// Where the body starts in report.md.
    public var bodyLocation: SourceLocation
    /// A short notice for the top of the report: it is not legal advice, and who to take it to.
    public var notice: String
    /// What each priority means, in the editors' words ("Act now: before you build anything").
    public var priorityMeanings: [Priority: String]
    /// Where report.md's front matter starts.
    public var location: SourceLocation
    public init(title: String = "Your report", body: String = "", notice: String = "",
                priorityMeanings: [Priority: String] = [:], location: SourceLocation = .unknown,
                bodyLocation: SourceLocation = .unknown) {
        self.title = title; self.body = body; self.notice = notice; self.priorityMeanings = priorityMeanings
        self.location = location; self.bodyLocation = bodyLocation
    }
}

public struct GlossaryTerm: Sendable, Equatable {
    public var id: String
    public var term: String
    /// Markdown definition.
    public var definition: String
    /// Where the term's `## ` heading is in glossary.md.
    public var location: SourceLocation
    /// Where the definition starts in glossary.md.
    public var definitionLocation: SourceLocation
    public init(id: String, term: String, definition: String, location: SourceLocation = .unknown,
                definitionLocation: SourceLocation = .unknown) {
        self.id = id; self.term = term; self.definition = definition; self.location = location
        self.definitionLocation = definitionLocation
    }
}

/// One set of rules (a regime). The first track whose condition holds is the one a user follows.
public struct Track: Sendable, Equatable {
    public var id: String
    public var title: String
    /// Markdown shown when a user reaches the track.
    public var description: String
    /// Where the description starts in track.md.
    public var descriptionLocation: SourceLocation
    public var when: Condition?
    /// What to confirm, and with whom, when a user reaches this track through a 'Not sure' answer.
    public var ifUnsure: String
    public var parts: [Part]
    public var location: SourceLocation

    public init(id: String, title: String, description: String = "", when: Condition? = nil, ifUnsure: String = "",
                parts: [Part], location: SourceLocation = .unknown, descriptionLocation: SourceLocation = .unknown) {
        self.id = id; self.title = title; self.description = description; self.when = when; self.ifUnsure = ifUnsure
        self.parts = parts; self.location = location; self.descriptionLocation = descriptionLocation
    }
}

public struct Part: Sendable, Equatable {
    public var id: String
    public var title: String
    /// Markdown shown at the part's first question.
    public var introduction: String
    /// Where the introduction starts in part.md.
    public var introductionLocation: SourceLocation
    public var questions: [Question]
    /// The `law-checked` date of part.md itself, if it gives one.
    public var lawChecked: String?
    public var location: SourceLocation

    public init(id: String, title: String, introduction: String = "", questions: [Question],
                lawChecked: String? = nil, location: SourceLocation = .unknown, introductionLocation: SourceLocation = .unknown) {
        self.id = id; self.title = title; self.introduction = introduction; self.questions = questions
        self.lawChecked = lawChecked; self.location = location; self.introductionLocation = introductionLocation
    }
}

/// How users see where a track's part sits, in the words of the interface's language (`part.number`,
/// `part.caption`, `part.short-caption` in the theme's locale files). The pages without JavaScript get these
/// from here; the runtime makes the same from the same keys. Opening parts are not numbered: their titles
/// stand alone.
extension Part {
    /// "Part 2 of 4", for the part at `index` (from 0) of a track's `count` parts.
    public static func number(_ index: Int, of count: Int, in text: InterfaceText) -> String {
        text.t("part.number", ["number": String(index + 1), "count": String(count)])
    }

    /// "Part 2 of 4: Title", above each question of a track's part; the title alone for an opening part.
    public func caption(_ index: Int, of count: Int, numbered: Bool, in text: InterfaceText) -> String {
        numbered ? text.t("part.caption", ["number": String(index + 1), "count": String(count), "title": title]) : title
    }

    /// "Part 2: Title", short enough for a chart's label; the title alone for an opening part.
    public func shortCaption(_ index: Int, numbered: Bool, in text: InterfaceText) -> String {
        numbered ? text.t("part.short-caption", ["number": String(index + 1), "title": title]) : title
    }
}

public enum QuestionKind: String, Sendable, Equatable {
    /// Exactly one answer from the options (radios).
    case one
    /// One or more answers from the options (checkboxes).
    case any
}

public struct Question: Sendable, Equatable {
    public var id: String
    public var text: String
    public var kind: QuestionKind
    public var options: [AnswerOption]
    public var hint: String?
    /// Markdown for 'more information'.
    public var moreInformation: String
    public var showIf: Condition?
    public var guidance: [Guidance]
    public var lawChecked: String?
    public var reviewBy: String?
    /// Where the front matter starts.
    public var location: SourceLocation
    /// Where the 'more information' text starts, so a diagnostic can point at a line inside it.
    public var moreInformationLocation: SourceLocation

    public init(id: String, text: String, kind: QuestionKind = .one, options: [AnswerOption], hint: String? = nil,
                moreInformation: String = "", showIf: Condition? = nil, guidance: [Guidance] = [],
                lawChecked: String? = nil, reviewBy: String? = nil, location: SourceLocation = .unknown,
                moreInformationLocation: SourceLocation = .unknown) {
        self.id = id; self.text = text; self.kind = kind; self.options = options; self.hint = hint
        self.moreInformation = moreInformation; self.showIf = showIf; self.guidance = guidance
        self.lawChecked = lawChecked; self.reviewBy = reviewBy; self.location = location
        self.moreInformationLocation = moreInformationLocation
    }

    public func option(_ id: String) -> AnswerOption? { options.first { $0.id == id } }

    /// In a question with several answers, 'none' means none of the others, so choosing it clears them.
    public func isExclusive(_ option: AnswerOption) -> Bool { kind == .any && option.id == "none" }
}

/// One answer a question offers: its id (what conditions and guidance name) and the label a user reads.
public struct AnswerOption: Sendable, Equatable {
    public var id: String
    public var label: String
    public var location: SourceLocation
    public init(id: String, label: String, location: SourceLocation = .unknown) {
        self.id = id; self.label = label; self.location = location
    }

    /// 'Not sure' is an answer that leaves something to find out; the report counts them.
    public var isUnsure: Bool { id == "not-sure" }
}

/// How pressing an item of guidance is; the report puts the most pressing first.
public enum Priority: String, Sendable, Equatable, CaseIterable, Comparable {
    case actNow = "act-now"
    case plan
    case keepDoing = "keep-doing"

    /// 'Act now', 'Plan', 'Keep doing': the words users see, from `priority.ID` in the locale files.
    public func label(in text: InterfaceText) -> String { text.t("priority." + rawValue) }

    private var rank: Int { Priority.allCases.firstIndex(of: self)! }
    public static func < (a: Priority, b: Priority) -> Bool { a.rank < b.rank }
}

/// Advice the report shows when its question was asked, the answer is one of `answers`,
/// and `when` (if any) holds.
public struct Guidance: Sendable, Equatable {
    public var id: String
    public var answers: [Located<String>]
    public var when: Condition?
    public var priority: Priority
    public var headline: String
    /// Markdown.
    public var body: String
    public var links: [Link]
    /// Where the front matter starts.
    public var location: SourceLocation
    /// Where the body text starts, so a diagnostic can point at a line inside it.
    public var bodyLocation: SourceLocation

    public init(id: String, answers: [Located<String>], when: Condition? = nil, priority: Priority,
                headline: String, body: String = "", links: [Link] = [], location: SourceLocation = .unknown,
                bodyLocation: SourceLocation = .unknown) {
        self.id = id; self.answers = answers; self.when = when; self.priority = priority
        self.headline = headline; self.body = body; self.links = links; self.location = location
        self.bodyLocation = bodyLocation
    }
}

public struct Link: Sendable, Equatable {
    public var title: String
    public var url: String
    public var location: SourceLocation
    public init(title: String, url: String, location: SourceLocation = .unknown) {
        self.title = title; self.url = url; self.location = location
    }
}

/// A value with the place it was written.
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var location: SourceLocation
    public init(_ value: Value, at location: SourceLocation = .unknown) {
        self.value = value; self.location = location
    }
}
