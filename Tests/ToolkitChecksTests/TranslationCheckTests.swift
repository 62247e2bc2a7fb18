import Foundation
import Testing
import ToolkitContent
import ToolkitModel
import ToolkitTestSupport
@testable import ToolkitChecks

/// Stale translations warn, naming the source; only a change to the words makes a translation stale.
struct TranslationCheckTests {
    func diagnostics(_ overrides: [String: String]) throws -> (found: [String], toolkit: Toolkit?) {
        let content = try TemporaryContent.translated(replacing: overrides)
        let loaded = ContentLoader.load(directory: content.root)
        let all = (loaded.diagnostics + loaded.toolkits.flatMap { check($0) }).sorted
        return (all.map { $0.description.replacingOccurrences(of: content.root + "/", with: "") }, loaded.toolkits.first)
    }

    @Test func aTranslationOfTheSourceAsItIsPassesEveryCheck() throws {
        #expect(try diagnostics([:]).found == [])
    }

    @Test func aChangedSourceWarnsAtTheFingerprintNamingTheSource() throws {
        let changed = Fixtures.question(id: "first", extra: "").replacingOccurrences(of: "More about first.", with: "More about the first question.")
        let (found, toolkit) = try diagnostics(["t/1-basics/01-first.md": changed])
        let now = try #require(toolkit?.translatableFiles.first { $0.file.hasSuffix("/01-first.md") }).fingerprint
        #expect(found == ["t/1-basics/01-first.cy.md:2:18: warning: t/1-basics/01-first.md has changed since this translation was made. "
                          + "update the translation ('toolkit translate export --lang cy', then import it), or, if the change needs no new translation, "
                          + "write 'translated-from: \(now)'"])
        // Still a translation: the site shows it, and the coverage counts it as out of date.
        #expect(toolkit?.translation("cy").untranslatedFiles.isEmpty == true)
        #expect(toolkit?.translationCoverage.map(\.description) == ["cy: 5 of 5 files translated, 1 out of date"])
    }

    @Test func changesToWhatIsNotWordsLeaveATranslationUpToDate() throws {
        // Spaces, blank lines, an answer's id, a link's address, a priority and a date: none is a word to translate.
        let source = Fixtures.question(id: "first", extra: "")
            .replacingOccurrences(of: "More about first.", with: "More   about first.  \n\n")
            .replacingOccurrences(of: "url: https://www.legislation.gov.uk/ukpga/2018/12/section/35\n---\nGood.", with: "url: https://www.legislation.gov.uk/ukpga/2018/12/section/36\n---\nGood.")
            .replacingOccurrences(of: "priority: act-now", with: "priority: plan")
            .replacingOccurrences(of: "law-checked: 2026-11-01", with: "law-checked: 2026-11-02")
        #expect(try diagnostics(["t/1-basics/01-first.md": source]).found == [])
        let texts = ["A line\nAnother line", "B"]
        #expect(TextFingerprint.of(texts) == TextFingerprint.of(["A  line \n\n\tAnother line\n", "B"]))
        #expect(TextFingerprint.of(texts) != TextFingerprint.of(["A line Another line", "B"]))
        #expect(TextFingerprint.of(texts) != TextFingerprint.of(["A line\nAnother line.", "B"]))
        #expect(TextFingerprint.of(["A", "B"]) != TextFingerprint.of(["AB"]))
        #expect(TextFingerprint.of(texts).count == 12 && TextFingerprint.isWellFormed(TextFingerprint.of(texts)))
    }

    @Test func aTranslationThatDoesNotSayWhatItWasMadeFromWarnsWithTheFingerprintToWrite() throws {
        let welsh = Fixtures.welshQuestion(id: "first").split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("translated-from:") }.joined(separator: "\n")
        let (found, toolkit) = try diagnostics(["t/1-basics/01-first.cy.md": welsh])
        let now = try #require(toolkit?.translatableFiles.first { $0.file.hasSuffix("/01-first.md") }).fingerprint
        #expect(found == ["t/1-basics/01-first.cy.md:1:1: warning: the translation does not say which version of t/1-basics/01-first.md it was made from. "
                          + "if it matches the source as it is now, add 'translated-from: \(now)' to its front matter; 'toolkit translate import' writes it"])
        let malformed = Fixtures.welshQuestion(id: "first").replacingOccurrences(of: "translated-from: ", with: "translated-from: x")
        #expect(try diagnostics(["t/1-basics/01-first.cy.md": malformed]).found.contains { $0.hasPrefix("t/1-basics/01-first.cy.md:2:18: error: 'translated-from' should be") })
    }

    @Test func aTranslatedTextKeepsTheSourcesHeadings() throws {
        let source = "---\ntitle: Your report\n---\nNot legal advice.\n\n## Who to ask\n\nYour DPO.\n\n### In a force\n\nThe force's DPO.\n"
        let fingerprint = TextFingerprint.of(["Your report", "Not legal advice.\n\n## Who to ask\n\nYour DPO.\n\n### In a force\n\nThe force's DPO."])
        func report(_ body: String) -> String { "---\ntranslated-from: \(fingerprint)\ntitle: Eich adroddiad\n---\n\(body)\n" }
        let same = report("Nid cyngor cyfreithiol.\n\n## Pwy i'w holi\n\nEich swyddog.\n\n### Mewn heddlu\n\nSwyddog yr heddlu.")
        #expect(try diagnostics(["t/report.md": source, "t/report.cy.md": same]).found == [])
        let level = report("Nid cyngor cyfreithiol.\n\n## Pwy i'w holi\n\nEich swyddog.\n\n## Mewn heddlu\n\nSwyddog yr heddlu.")
        #expect(try diagnostics(["t/report.md": source, "t/report.cy.md": level]).found.first?
            .hasPrefix("t/report.cy.md:11:1: error: this heading is level 2, but the source's heading 2 ('In a force') is level 3") == true)
        let missing = report("Nid cyngor cyfreithiol.\n\n## Pwy i'w holi\n\nEich swyddog a swyddog yr heddlu.")
        #expect(try diagnostics(["t/report.md": source, "t/report.cy.md": missing]).found.first?
            .hasPrefix("t/report.cy.md:5:1: error: the source's heading 'In a force' is missing from the translation") == true)
    }
}
