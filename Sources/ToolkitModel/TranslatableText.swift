/// The words of a toolkit that a translator translates, file by file, each under a key that names it
/// within its file ("question", "option:yes", "guidance:2:body"). Translation files, the XLIFF a
/// translator works in and the fingerprints all use these keys, so they stay in step.
public struct TranslatableText: Sendable, Equatable {
    public var key: String
    public var text: String
    /// Where the text is in the source file (the front matter, or the first line of a Markdown body).
    public var location: SourceLocation

    public init(key: String, text: String, location: SourceLocation = .unknown) {
        self.key = key; self.text = text; self.location = location
    }
}

/// One source file's translatable texts, in the order the file gives them.
public struct TranslatableFile: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        case toolkit, report, glossary, track, part, question
    }

    /// The source file, as in `SourceLocation.file`.
    public var file: String
    public var kind: Kind
    public var texts: [TranslatableText]

    public init(file: String, kind: Kind, texts: [TranslatableText]) {
        self.file = file; self.kind = kind; self.texts = texts
    }

    public func text(_ key: String) -> TranslatableText? { texts.first { $0.key == key } }

    /// What a translation records as `translated-from`: see `TextFingerprint`.
    public var fingerprint: String { TextFingerprint.of(texts.map(\.text)) }
}

/// The keys of translatable texts. Only words have keys: ids, conditions, priorities, links' addresses
/// and dates are never translated, so a translation takes them from its source.
public enum TextKey {
    public static let title = "title", summary = "summary", startPage = "start-page"
    public static let notice = "notice", body = "body"
    public static let description = "description", ifUnsure = "if-unsure", introduction = "introduction"
    public static let question = "question", hint = "hint", moreInformation = "more-information"

    public static func option(_ id: String) -> String { "option:\(id)" }
    /// `number` counts the question file's guidance sections from 1, as `Guidance.id` does.
    public static func headline(_ number: Int) -> String { "guidance:\(number):headline" }
    public static func guidanceBody(_ number: Int) -> String { "guidance:\(number):body" }
    public static func linkTitle(_ number: Int, _ link: Int) -> String { "guidance:\(number):link:\(link)" }
    public static func term(_ id: String) -> String { "term:\(id)" }
    public static func definition(_ id: String) -> String { "definition:\(id)" }

    /// Whether the text is Markdown (a body), rather than a line of front matter.
    public static func isMarkdown(_ key: String) -> Bool {
        [startPage, body, description, introduction, moreInformation].contains(key)
            || key.hasPrefix("definition:") || (key.hasPrefix("guidance:") && key.hasSuffix(":body"))
    }
}

/// A short fingerprint of a source file's words: the first 12 hex digits of the SHA-256 of its texts,
/// in order, each normalised so that only a change a reader could see counts. Spaces and tabs at the ends
/// of a line, runs of them inside it, and blank lines do not count; line breaks, words and punctuation do.
/// Ids, conditions, priorities, links' addresses and dates are not texts, so changing them leaves the
/// fingerprint as it was (a translation takes them from the source anyway).
public enum TextFingerprint {
    public static let length = 12

    public static func of(_ texts: [String]) -> String {
        let joined = texts.map(normalised).joined(separator: "\u{1E}")
        return String(SHA256.hex(SHA256.digest(Array(joined.utf8))).prefix(length))
    }

    public static func normalised(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).joined(separator: " ") }
            .filter { !$0.isEmpty }
            .joined(separator: "\n")
    }

    /// Whether a text is a fingerprint in form: 12 lower-case hex digits.
    public static func isWellFormed(_ text: String) -> Bool {
        text.count == length && text.allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) }
    }
}

extension Toolkit {
    /// Every source file with words to translate, in the order the loader reads them: toolkit.md,
    /// report.md, glossary.md, then the parts and tracks with their questions.
    public var translatableFiles: [TranslatableFile] {
        var files: [TranslatableFile] = []
        func add(_ file: String, _ kind: TranslatableFile.Kind, _ texts: [(String, String?, SourceLocation)]) {
            let present = texts.compactMap { key, text, location in
                text.flatMap { $0.isEmpty ? nil : TranslatableText(key: key, text: $0, location: location) }
            }
            if !present.isEmpty { files.append(TranslatableFile(file: file, kind: kind, texts: present)) }
        }
        add(location.file, .toolkit, [(TextKey.title, title, location), (TextKey.summary, summary, location),
                                      (TextKey.startPage, startPage, location)])
        add(report.location.file, .report, [(TextKey.title, report.title, report.location), (TextKey.notice, report.notice, report.location)]
            + Priority.allCases.map { ($0.rawValue, report.priorityMeanings[$0], report.location) }
            + [(TextKey.body, report.body, report.location)])
        if let first = glossary.first {
            add(first.location.file, .glossary, glossary.flatMap { term in
                [(TextKey.term(term.id), term.term, term.location), (TextKey.definition(term.id), term.definition, term.location)]
            })
        }
        func addPart(_ part: Part) {
            add(part.location.file, .part, [(TextKey.title, part.title, part.location),
                                            (TextKey.introduction, part.introduction, part.location)])
            for question in part.questions { files.append(question.translatableFile) }
        }
        openingParts.forEach(addPart)
        // A toolkit with one set of rules has no track.md: its only track is made from toolkit.md.
        for track in tracks {
            if track.location.file != location.file {
                add(track.location.file, .track, [(TextKey.title, track.title, track.location),
                                                  (TextKey.ifUnsure, track.ifUnsure, track.location),
                                                  (TextKey.description, track.description, track.location)])
            }
            track.parts.forEach(addPart)
        }
        return files
    }
}

extension Question {
    var translatableFile: TranslatableFile {
        var texts = [TranslatableText(key: TextKey.question, text: text, location: location)]
        for option in options { texts.append(TranslatableText(key: TextKey.option(option.id), text: option.label, location: option.location)) }
        if let hint, !hint.isEmpty { texts.append(TranslatableText(key: TextKey.hint, text: hint, location: location)) }
        if !moreInformation.isEmpty {
            texts.append(TranslatableText(key: TextKey.moreInformation, text: moreInformation, location: moreInformationLocation))
        }
        for (index, item) in guidance.enumerated() {
            let number = item.sectionNumber(index)
            texts.append(TranslatableText(key: TextKey.headline(number), text: item.headline, location: item.location))
            for (linkIndex, link) in item.links.enumerated() {
                texts.append(TranslatableText(key: TextKey.linkTitle(number, linkIndex + 1), text: link.title, location: link.location))
            }
            if !item.body.isEmpty {
                texts.append(TranslatableText(key: TextKey.guidanceBody(number), text: item.body, location: item.bodyLocation))
            }
        }
        return TranslatableFile(file: location.file, kind: .question, texts: texts)
    }
}

extension Guidance {
    /// The guidance's section number in its question file (from 1), which its id keeps even where an
    /// earlier section could not be read; `index` is its place in the question's list.
    func sectionNumber(_ index: Int) -> Int {
        id.split(separator: "#").last.flatMap { Int($0) } ?? index + 1
    }
}
