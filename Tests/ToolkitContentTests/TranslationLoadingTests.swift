import Foundation
import Testing
import ToolkitModel
import ToolkitTestSupport
@testable import ToolkitContent

/// Translations beside their sources: read into the model, held to the source's structure, and every
/// difference reported where it is in the translation.
struct TranslationLoadingTests {
    func load(_ content: TemporaryContent) -> ContentLoader.Loaded { ContentLoader.load(directory: content.root) }

    func errors(_ overrides: [String: String]) throws -> [String] {
        let content = try TemporaryContent.translated(replacing: overrides)
        return load(content).diagnostics.map { $0.description.replacingOccurrences(of: content.root + "/", with: "") }
    }

    @Test func readsATranslationIntoTheModel() throws {
        let content = try TemporaryContent.translated()
        let result = load(content)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let toolkit = try #require(result.toolkits.first)
        #expect(toolkit.languages == ["en", "cy"])
        // The translation files are not questions of their own.
        #expect(toolkit.allQuestions.map(\.id) == ["first", "second"])
        #expect(toolkit.translatedFiles.count == 5)

        let welsh = toolkit.translation("cy")
        #expect(welsh.untranslatedFiles.isEmpty)
        #expect(welsh.toolkit.title == "Pecyn prawf")
        #expect(welsh.toolkit.startPage == "Dechreuwch yma.")
        #expect(welsh.toolkit.report.title == "Eich adroddiad")
        // The only track of a toolkit with one set of rules takes the toolkit's title.
        #expect(welsh.toolkit.tracks[0].title == "Pecyn prawf")
        let first = try #require(welsh.toolkit.question("first"))
        #expect(first.text == "Ai hwn yw first?")
        #expect(first.options.map(\.label) == ["Ie", "Na"])
        #expect(first.moreInformation == "Mwy am first.")
        #expect(first.guidance.map(\.headline) == ["Daliwch ati", "Trwsiwch ef"])
        #expect(first.guidance[0].links.map(\.title) == ["Enghraifft"])
        // Only words change: ids, answers, priorities, addresses, conditions and places stay the source's.
        let source = try #require(toolkit.question("second"))
        let translated = try #require(welsh.toolkit.question("second"))
        #expect(translated.id == source.id && translated.options.map(\.id) == source.options.map(\.id))
        #expect(translated.showIf == source.showIf && translated.location == source.location)
        #expect(translated.guidance.map(\.priority) == source.guidance.map(\.priority))
        #expect(translated.guidance.flatMap { $0.links.map(\.url) } == source.guidance.flatMap { $0.links.map(\.url) })
        #expect(toolkit.translation("en").toolkit == toolkit)
    }

    @Test func aMissingTranslationFallsBackToTheSource() throws {
        let content = try TemporaryContent.translated()
        try FileManager.default.removeItem(atPath: content.root + "/t/1-basics/02-second.cy.md")
        let toolkit = try #require(load(content).toolkits.first)
        let welsh = toolkit.translation("cy")
        #expect(welsh.untranslatedFiles == [content.root + "/t/1-basics/02-second.md"])
        #expect(welsh.toolkit.question("second")?.text == "Is this second?")
        #expect(welsh.toolkit.question("first")?.text == "Ai hwn yw first?")
        let second = try #require(toolkit.question("second"))
        #expect(!welsh.isTranslated(second.location) && welsh.isTranslated(toolkit.location))
        #expect(toolkit.translationCoverage.map(\.description) == ["cy: 4 of 5 files translated, 0 out of date"])
    }

    @Test func anAnswerIdThatDiffersIsReportedWhereItIs() throws {
        let found = try errors(["t/1-basics/01-first.cy.md": Fixtures.welshQuestion(id: "first").replacingOccurrences(of: "  - no: Na", with: "  - nope: Na")])
        #expect(found == ["t/1-basics/01-first.cy.md:6:5: error: answer 2 is 'nope' here, but 'no' in 01-first.md. "
                          + "keep the source's answers, in its order (yes, no): translate only the labels"])
    }

    @Test func anAnswerWithoutALabelOrAMissingAnswerIsReported() throws {
        let bare = Fixtures.welshQuestion(id: "first").replacingOccurrences(of: "  - yes: Ie", with: "  - yes")
        #expect(try errors(["t/1-basics/01-first.cy.md": bare]).first?.hasPrefix("t/1-basics/01-first.cy.md:5:5: error: the answer 'yes' has no label here. give it its label") == true)
        let short = Fixtures.welshQuestion(id: "first").replacingOccurrences(of: "  - no: Na\n", with: "")
        #expect(try errors(["t/1-basics/01-first.cy.md": short]) == ["t/1-basics/01-first.cy.md:5:3: error: the answer 'no' of 01-first.md is missing. add '- no: …' at the end of the list"])
    }

    @Test func extraGuidanceIsReportedAtItsFrontMatter() throws {
        let extra = Fixtures.welshQuestion(id: "first") + "\n---\nheadline: Ychwanegol\n---\nTestun.\n"
        #expect(try errors(["t/1-basics/01-first.cy.md": extra])
                == ["t/1-basics/01-first.cy.md:24:1: error: 01-first.md has 2 items of guidance, but this is item 3. a translation has the source's sections in the same order: remove this one"])
        let missing = Fixtures.welshQuestion(id: "first").components(separatedBy: "\n---\nheadline: Trwsiwch ef")[0]
        #expect(try errors(["t/1-basics/01-first.cy.md": missing]).first?.hasPrefix("t/1-basics/01-first.cy.md:15:1: error: 01-first.md has 2 items of guidance, but the translation has 1") == true)
    }

    @Test func aConditionMayBeRepeatedOnlyAsTheSourceHasIt() throws {
        let base = Fixtures.welshQuestion(id: "second")
        let changed = base.replacingOccurrences(of: "question: Ai", with: "show-if: first = no\nquestion: Ai")
        #expect(try errors(["t/1-basics/02-second.cy.md": changed])
                == ["t/1-basics/02-second.cy.md:3:10: error: 'show-if' is not the same as in 02-second.md, which has 'first = yes'. remove the line (a translation takes 'show-if' from its source), or make it the same as the source's"])
        let same = base.replacingOccurrences(of: "question: Ai", with: "show-if: first=yes\nquestion: Ai")
        #expect(try errors(["t/1-basics/02-second.cy.md": same]) == [])
        let guidance = base.replacingOccurrences(of: "headline: Trwsiwch ef", with: "for: yes\npriority: act-now\nheadline: Trwsiwch ef")
        #expect(try errors(["t/1-basics/02-second.cy.md": guidance])
                == ["t/1-basics/02-second.cy.md:18:6: error: 'for' is not the same as in 02-second.md, which has 'no'. remove the line (a translation takes 'for' from its source), or make it the same as the source's"])
        let unset = base.replacingOccurrences(of: "headline: Daliwch ati", with: "when: first = yes\nheadline: Daliwch ati")
        #expect(try errors(["t/1-basics/02-second.cy.md": unset]).first?.hasPrefix("t/1-basics/02-second.cy.md:11:7: error: 02-second.md does not set 'when', so the translation cannot") == true)
    }

    @Test func aLinkAddressMustBeTheSources() throws {
        let wrong = Fixtures.welshQuestion(id: "first").replacingOccurrences(
            of: "  - title: Enghraifft\n---\nDa.", with: "  - title: Enghraifft\n    url: https://example.org/cy\n---\nDa.")
        #expect(try errors(["t/1-basics/01-first.cy.md": wrong]).first?.hasPrefix("t/1-basics/01-first.cy.md:14:10: error: the address of link 1 is not the same as in 01-first.md") == true)
        let none = Fixtures.welshQuestion(id: "first").replacingOccurrences(of: "headline: Daliwch ati\nlinks:\n  - title: Enghraifft\n", with: "headline: Daliwch ati\n")
        #expect(try errors(["t/1-basics/01-first.cy.md": none]).first?.hasPrefix("t/1-basics/01-first.cy.md:10:1: error: the translation gives no titles for the 1 link of this guidance") == true)
    }

    @Test func aMissingTextOrOneTheSourceHasNotIsReported() throws {
        let noQuestion = Fixtures.welshQuestion(id: "first").replacingOccurrences(of: "question: Ai hwn yw first?\n", with: "")
        #expect(try errors(["t/1-basics/01-first.cy.md": noQuestion])
                == ["t/1-basics/01-first.cy.md:1:1: error: the translation is missing the question ('question'). translate it: 01-first.md has it at line 1"])
        let hint = Fixtures.welshQuestion(id: "first").replacingOccurrences(of: "  - no: Na\n", with: "  - no: Na\nhint: Awgrym\n")
        #expect(try errors(["t/1-basics/01-first.cy.md": hint])
                == ["t/1-basics/01-first.cy.md:7:7: error: the translation has 'hint', but 01-first.md does not. remove it, or add it to the source first"])
        let noBody = Fixtures.welshQuestion(id: "first").replacingOccurrences(of: "Gwnewch rywbeth.\n", with: "")
        #expect(try errors(["t/1-basics/01-first.cy.md": noBody]).first?.hasPrefix("t/1-basics/01-first.cy.md:17:1: error: the translation is missing the text of guidance 2") == true)
    }

    @Test func aTranslationIntoAnUndeclaredLanguageOrOfNoFileIsReported() throws {
        let found = try errors(["t/1-basics/01-first.fr.md": Fixtures.welshQuestion(id: "first"),
                                "t/1-basics/03-third.cy.md": Fixtures.welshQuestion(id: "third"),
                                "t/report.en.md": "---\ntitle: Report\n---\n"])
        #expect(found == [
            "t/1-basics/01-first.fr.md:1:1: error: '01-first.fr.md' is a translation into 'fr', a language the toolkit does not declare (it declares cy). "
                + "add 'fr' to 'languages' in toolkit.md, or rename the file; a file whose name has a dot before '.md' is read as a translation",
            "t/1-basics/03-third.cy.md:1:1: error: '03-third.cy.md' translates 03-third.md, which is not there. "
                + "a translation sits beside its source with the same name: rename it to match the source, or delete it",
            "t/report.en.md:1:1: error: 'report.en.md' is a translation into 'en', the language the toolkit is written in. edit report.md itself, and delete this file",
        ])
        // A toolkit that declares only English reports any translation.
        let english = try TemporaryContent.valid(replacing: ["t/1-basics/01-first.cy.md": Fixtures.welshQuestion(id: "first")])
        #expect(load(english).diagnostics.map(\.message) == ["'01-first.cy.md' is a translation into 'cy', a language the toolkit does not declare (it declares none)"])
    }

    @Test func theLanguagesAreCodesListedOnce() throws {
        func languages(_ line: String) throws -> [String] {
            let content = try TemporaryContent.valid(replacing: ["t/toolkit.md": """
                ---
                title: Test toolkit
                version: "1.0"
                law-as-at: 2026-11-01
                review-by: 2027-05-01
                \(line)
                ---
                Start here.
                """])
            return load(content).diagnostics.map { $0.description.replacingOccurrences(of: content.root + "/", with: "") }
        }
        #expect(try languages("languages: [en, cy]") == [])
        #expect(try languages("languages: [en, welsh]") == ["t/toolkit.md:6:17: error: 'welsh' is not a language code. write a language code of two or three letters, such as en (English) or cy (Welsh)"])
        #expect(try languages("languages: [en, CY]") == ["t/toolkit.md:6:17: error: 'CY' is not a language code. write it in lower case: 'cy'"])
        #expect(try languages("languages: [en, cy, en-GB, cy]") == ["t/toolkit.md:6:28: error: the language 'cy' is listed twice. list each language once"])
        #expect(try languages("languages: [en, xx]").first?.hasPrefix("t/toolkit.md:6:17: error: 'xx' is not a language code") == true)
        #expect(try languages("languages: []").first?.hasPrefix("t/toolkit.md:6:12: error: 'languages' lists no language") == true)
        #expect(TranslationFiles.language(ofName: "01-first.cy.md") == "cy" && TranslationFiles.language(ofName: "toolkit.pt-BR.md") == "pt-BR")
        #expect(TranslationFiles.language(ofName: "01-first.md") == nil && TranslationFiles.language(ofName: ".cy.md") == nil)
    }

    @Test func theWelshFixtureLoadsInFullAndFallsBackWithoutAFile() throws {
        let full = try TemporaryContent.welsh()
        let loaded = load(full)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        let toolkit = try #require(loaded.toolkits.first)
        #expect(toolkit.translation("cy").untranslatedFiles.isEmpty)
        #expect(toolkit.translationCoverage.map(\.description) == ["cy: 20 of 20 files translated, 0 out of date"])

        let missing = "analytics-check/2-general/2-accountability/02-gp-suppliers.cy.md"
        let partial = try TemporaryContent.welsh(leavingOut: [missing])
        let fallback = try #require(load(partial).toolkits.first).translation("cy")
        #expect(fallback.untranslatedFiles == [partial.root + "/analytics-check/2-general/2-accountability/02-gp-suppliers.md"])
        #expect(fallback.toolkit.question("gp-suppliers")?.text == "Will a supplier build or run the analytics for you?")
        #expect(fallback.toolkit.question("gp-dpia")?.text == "Ydych chi wedi dechrau asesiad o'r effaith ar ddiogelu data?")
    }
}
