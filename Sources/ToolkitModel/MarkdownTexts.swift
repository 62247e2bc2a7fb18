/// A Markdown text of the content, with the place its first line starts in its file, so that a check can
/// point at a line inside it.
public struct MarkdownText: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case startPage, report, glossaryDefinition, trackDescription, partIntroduction, moreInformation, guidance
        /// A text of a translation file (`NAME.LANG.md`), of whichever kind its source is.
        case translation
    }

    public var text: String
    public var start: SourceLocation
    public var kind: Kind

    public init(_ text: String, at start: SourceLocation, kind: Kind) {
        self.text = text; self.start = start; self.kind = kind
    }

    /// The file's place of a line and column inside the text (both from 1). The first line starts at
    /// `start`'s column; the others at the line's start.
    public func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: start.file, line: start.line + line - 1, column: line == 1 ? start.column + column - 1 : column)
    }
}

extension Toolkit {
    /// Every Markdown text the site shows: the start page, the report's, the glossary's definitions, the
    /// opening parts, then each track's description and parts (a part: its introduction, then each
    /// question's 'more information' and guidance). Empty texts are left out.
    public var markdownTexts: [MarkdownText] {
        var texts = [MarkdownText(startPage, at: startPageLocation, kind: .startPage),
                     MarkdownText(report.body, at: report.bodyLocation, kind: .report)]
        texts += glossary.map { MarkdownText($0.definition, at: $0.definitionLocation, kind: .glossaryDefinition) }
        func add(_ part: Part) {
            texts.append(MarkdownText(part.introduction, at: part.introductionLocation, kind: .partIntroduction))
            for question in part.questions {
                texts.append(MarkdownText(question.moreInformation, at: question.moreInformationLocation, kind: .moreInformation))
                texts += question.guidance.map { MarkdownText($0.body, at: $0.bodyLocation, kind: .guidance) }
            }
        }
        openingParts.forEach(add)
        for track in tracks {
            texts.append(MarkdownText(track.description, at: track.descriptionLocation, kind: .trackDescription))
            track.parts.forEach(add)
        }
        return texts.filter { !$0.text.isEmpty }
    }
}

extension Toolkit {
    /// The Markdown texts of the translation files, each where it is written in its file, in file order.
    public var translatedMarkdownTexts: [MarkdownText] {
        translatedFiles.flatMap { file in
            file.texts.filter { TextKey.isMarkdown($0.key) }.map(\.value).sorted { $0.location < $1.location }
                .map { MarkdownText($0.value, at: $0.location, kind: .translation) }
        }
    }

    /// What a build parses: the source's texts and every translation's. Each language's pages show one or
    /// the other, text by text.
    public var markdownTextsInEveryLanguage: [MarkdownText] { markdownTexts + translatedMarkdownTexts }
}
