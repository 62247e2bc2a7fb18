/// One translation file as read: `NAME.cy.md` beside `NAME.md`. It holds words only, under the keys
/// of `TextKey`; everything else comes from the source.
public struct TranslatedFile: Sendable, Equatable {
    public var language: String
    /// The source file, as in `SourceLocation.file`.
    public var source: String
    /// The translation file itself.
    public var file: String
    /// The fingerprint of the source's words the translation was made from (`translated-from`).
    public var translatedFrom: Located<String>?
    /// The translated texts by key, each where it is written in the translation file.
    public var texts: [String: Located<String>]
    /// Where the translation's front matter starts.
    public var location: SourceLocation

    public init(language: String, source: String, file: String, translatedFrom: Located<String>? = nil,
                texts: [String: Located<String>], location: SourceLocation = .unknown) {
        self.language = language; self.source = source; self.file = file; self.translatedFrom = translatedFrom
        self.texts = texts; self.location = location
    }
}

/// One language's edition of a toolkit, to render from: the source toolkit with each text replaced by its
/// translation where there is one. Ids, conditions, answers' ids, priorities, links' addresses, dates and
/// every location stay the source's, so saved answers work in every language and diagnostics point at
/// the source files.
public struct Translation: Sendable, Equatable {
    public var language: String
    public var toolkit: Toolkit
    /// The source files (as in `SourceLocation.file`) whose words are shown in the source language, because
    /// they have no complete translation. The site marks that text with the source language.
    public var untranslatedFiles: Set<String>

    public init(language: String, toolkit: Toolkit, untranslatedFiles: Set<String>) {
        self.language = language; self.toolkit = toolkit; self.untranslatedFiles = untranslatedFiles
    }

    /// Whether the text written at `location` (a question's, a part's, the report's...) is in `language`.
    public func isTranslated(_ location: SourceLocation) -> Bool { !untranslatedFiles.contains(location.file) }
}

/// How much of the toolkit a language has: "cy: 71 of 84 files translated, 3 out of date".
public struct TranslationCoverage: Sendable, Equatable, CustomStringConvertible {
    public var language: String
    public var translated: Int
    public var total: Int
    /// Translated files whose source has changed since, or that do not say what they were made from.
    public var outOfDate: Int

    public var description: String {
        "\(language): \(translated) of \(total) file\(total == 1 ? "" : "s") translated, \(outOfDate) out of date"
    }
}

extension Toolkit {
    /// Every language's edition but the source's, in the order `languages` gives them.
    public var translations: [Translation] { languages.dropFirst().map { translation($0) } }

    /// The edition in `language`; the source language gives the toolkit as it is.
    public func translation(_ language: String) -> Translation {
        guard language != sourceLanguage else { return Translation(language: language, toolkit: self, untranslatedFiles: []) }
        let sources = translatableFiles
        var byFile: [String: [String: Located<String>]] = [:]
        for file in translatedFiles where file.language == language { byFile[file.source] = file.texts }
        func text(_ file: String, _ key: String, _ source: String) -> String {
            byFile[file]?[key].map(\.value) ?? source
        }
        var edition = self
        edition.title = text(location.file, TextKey.title, title)
        edition.summary = text(location.file, TextKey.summary, summary)
        edition.startPage = text(location.file, TextKey.startPage, startPage)
        let reportFile = report.location.file
        edition.report.title = text(reportFile, TextKey.title, report.title)
        edition.report.notice = text(reportFile, TextKey.notice, report.notice)
        edition.report.body = text(reportFile, TextKey.body, report.body)
        for (priority, meaning) in report.priorityMeanings {
            edition.report.priorityMeanings[priority] = text(reportFile, priority.rawValue, meaning)
        }
        for index in glossary.indices {
            let term = glossary[index]
            edition.glossary[index].term = text(term.location.file, TextKey.term(term.id), term.term)
            edition.glossary[index].definition = text(term.location.file, TextKey.definition(term.id), term.definition)
        }
        func translate(_ part: Part) -> Part {
            var part = part
            part.title = text(part.location.file, TextKey.title, part.title)
            part.introduction = text(part.location.file, TextKey.introduction, part.introduction)
            part.questions = part.questions.map { $0.translated { text($0, $1, $2) } }
            return part
        }
        edition.openingParts = openingParts.map(translate)
        edition.tracks = tracks.map { track in
            var track = track
            if track.location.file == location.file {
                track.title = edition.title
            } else {
                track.title = text(track.location.file, TextKey.title, track.title)
                track.ifUnsure = text(track.location.file, TextKey.ifUnsure, track.ifUnsure)
                track.description = text(track.location.file, TextKey.description, track.description)
            }
            track.parts = track.parts.map(translate)
            return track
        }
        // A file counts as translated only when every one of its texts is: otherwise some of its words
        // fall back to the source language.
        let untranslated = sources.filter { source in
            guard let texts = byFile[source.file] else { return true }
            return source.texts.contains { texts[$0.key] == nil }
        }
        return Translation(language: language, toolkit: edition, untranslatedFiles: Set(untranslated.map(\.file)))
    }

    /// How far each language but the source is translated, and how much of it is out of date.
    public var translationCoverage: [TranslationCoverage] {
        let sources = translatableFiles
        let fingerprints = Dictionary(sources.map { ($0.file, $0.fingerprint) }, uniquingKeysWith: { first, _ in first })
        return languages.dropFirst().map { language in
            let edition = translation(language)
            let translated = sources.filter { edition.isTranslated(SourceLocation(file: $0.file, line: 1, column: 1)) }
            let files = Set(translated.map(\.file))
            let outOfDate = translatedFiles.filter { file in
                file.language == language && files.contains(file.source)
                    && file.translatedFrom?.value != fingerprints[file.source]
            }
            return TranslationCoverage(language: language, translated: translated.count, total: sources.count,
                                       outOfDate: Set(outOfDate.map(\.source)).count)
        }
    }
}

extension Question {
    /// The question with each text looked up in the translation by `text(file, key, source text)`.
    func translated(_ text: (String, String, String) -> String) -> Question {
        let file = location.file
        var question = self
        question.text = text(file, TextKey.question, self.text)
        question.hint = hint.map { text(file, TextKey.hint, $0) }
        question.moreInformation = text(file, TextKey.moreInformation, moreInformation)
        for index in options.indices {
            question.options[index].label = text(file, TextKey.option(options[index].id), options[index].label)
        }
        for (index, item) in guidance.enumerated() {
            let number = item.sectionNumber(index)
            question.guidance[index].headline = text(file, TextKey.headline(number), item.headline)
            question.guidance[index].body = text(file, TextKey.guidanceBody(number), item.body)
            for link in item.links.indices {
                question.guidance[index].links[link].title = text(file, TextKey.linkTitle(number, link + 1), item.links[link].title)
            }
        }
        return question
    }
}
