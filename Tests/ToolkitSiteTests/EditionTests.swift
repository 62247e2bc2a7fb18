import Foundation
import Testing
import ToolkitContent
import ToolkitModel
import ToolkitTestSupport
@testable import ToolkitSite

/// A toolkit in two languages: each edition's pages in their own folder, linked to each other, and words
/// with no translation marked with the source language.
@Suite("Editions in each language")
struct EditionTests {
    static let leftOut = "analytics-check/2-general/2-accountability/02-gp-suppliers"

    func site(leavingOut: [String] = [], theme: Theme? = nil) throws -> [String: String] {
        let content = try TemporaryContent.welsh(leavingOut: leavingOut)
        let loaded = ContentLoader.load(directory: content.root)
        #expect(!loaded.diagnostics.hasErrors, "\(loaded.diagnostics)")
        let site = try SiteRenderer(theme: try theme ?? InterfaceLanguageTests.theme()).render(loaded.toolkits)
        return site.files.mapValues { String(decoding: $0, as: UTF8.self) }
    }

    @Test func eachLanguageHasItsPagesLinkedToTheOthers() throws {
        let files = try site()
        for page in ["index.html", "questions.html", "all-guidance.html", "glossary.html"] {
            let english = try #require(files["analytics-check/\(page)"])
            let welsh = try #require(files["analytics-check/cy/\(page)"])
            #expect(english.contains("<html lang=\"en-GB\">") && welsh.contains("<html lang=\"cy\">"), "\(page)")
            #expect(english.contains("<a href=\"cy/\(page)\" hreflang=\"cy\" lang=\"cy\" data-language-switch>"), "\(page)")
            #expect(welsh.contains("<a href=\"../\(page)\" hreflang=\"en-GB\" lang=\"en-GB\" data-language-switch>"), "\(page)")
            #expect(welsh.contains("href=\"../../assets/style.css\""), "\(page)")
        }
        #expect(files["analytics-check/cy/model.js"]?.contains("Ydy eich sefydliad yn awdurdod cymwys?") == true)
        #expect(files["analytics-check/cy/text/interface.js"]?.contains("\"common.continue\": \"Parhau\"") == true)
        // The site's front page in both languages, each listing the toolkit in its own language.
        #expect(files["cy/index.html"]?.contains("href=\"../analytics-check/cy/index.html\"") == true)
        #expect(files["index.html"]?.contains("href=\"analytics-check/index.html\"") == true)
        #expect(files["index.html"]?.contains("<a href=\"cy/index.html\" hreflang=\"cy\"") == true)
        // Fully translated: nothing falls back.
        #expect(files["analytics-check/cy/model.js"]?.contains("lang:") == false)
        #expect(files["analytics-check/cy/all-guidance.html"]?.contains(" lang=\"en-GB\">") == false, "no section in English")
    }

    @Test func aFileWithNoTranslationIsMarkedWithTheSourceLanguage() throws {
        let files = try site(leavingOut: [Self.leftOut + ".cy.md"])
        let model = try #require(files["analytics-check/cy/model.js"])
        let marked = model.components(separatedBy: "lang: \"en-GB\"").count - 1
        #expect(marked == 1, "only the question left untranslated is marked")
        #expect(model.contains("id: \"gp-suppliers\",\n              lang: \"en-GB\","))
        let guidance = try #require(files["analytics-check/cy/all-guidance.html"])
        #expect(guidance.contains("id=\"question-gp-suppliers\" lang=\"en-GB\""))
        #expect(files["analytics-check/model.js"]?.contains("lang:") == false, "the English edition marks nothing")
    }

    @Test func aLanguageTheThemeHasNoWordsForFailsTheBuildAtTheToolkit() throws {
        var theme = try InterfaceLanguageTests.theme()
        theme.locales["cy"] = nil
        #expect {
            _ = try site(theme: theme)
        } throws: { error in
            guard let list = error as? DiagnosticList, let first = list.diagnostics.first else { return false }
            return first.message.contains("published in 'cy'") && first.location.file.hasSuffix("analytics-check/toolkit.md")
        }
    }
}
