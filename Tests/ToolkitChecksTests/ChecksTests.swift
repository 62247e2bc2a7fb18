import Foundation
import Testing
import ToolkitContent
import ToolkitModel
import ToolkitTestSupport
@testable import ToolkitChecks

struct ChecksTests {
    /// Loads a fixture and runs every check, with paths made relative to the fixture.
    func diagnostics(_ overrides: [String: String]) throws -> [String] {
        let content = try TemporaryContent.valid(replacing: overrides)
        let loaded = ContentLoader.load(directory: content.root)
        let all = loaded.diagnostics + loaded.toolkits.flatMap { check($0) }
        return all.map { $0.description.replacingOccurrences(of: content.root + "/", with: "") }
    }

    func question(_ id: String, _ extra: String) -> String { Fixtures.question(id: id, extra: extra) }

    @Test func theValidFixturePasses() throws {
        #expect(try diagnostics([:]) == [])
    }

    @Test func findsDuplicateIds() throws {
        let found = try diagnostics(["t/1-basics/03-dup.md": question("first", "id: first\n")])
        #expect(found.contains { $0.hasPrefix("t/1-basics/03-dup.md:1:1: error: the question id 'first' is used twice; it was first used at ") && $0.hasSuffix("01-first.md:1:1. rename one of them (a question's id is its file name without the number, or its 'id:' setting)") }, "\(found)")
    }

    @Test func findsUnknownIdsWithASuggestion() throws {
        let found = try diagnostics(["t/1-basics/02-second.md": question("second", "show-if: frist = yes\n")])
        #expect(found.contains("t/1-basics/02-second.md:4:10: error: 'show-if' names a question 'frist' that does not exist. did you mean 'first'? a question's id is its file name without the number and '.md'"), "\(found)")
    }

    @Test func findsUnknownAnswers() throws {
        let found = try diagnostics(["t/1-basics/02-second.md": question("second", "show-if: first in [yes, maybe]\n")])
        #expect(found.contains("t/1-basics/02-second.md:4:25: error: the question 'first' has no answer 'maybe'. its answers are: yes, no"), "\(found)")
        let guidance = try diagnostics(["t/1-basics/02-second.md": question("second", "").replacingOccurrences(of: "for: no", with: "for: nope")])
        #expect(guidance.contains("t/1-basics/02-second.md:20:6: error: the question 'second' has no answer 'nope'. did you mean 'no'? its answers are: yes, no"), "\(guidance)")
    }

    @Test func findsAConditionOnALaterQuestion() throws {
        let found = try diagnostics(["t/1-basics/01-first.md": question("first", "show-if: second = yes\n"),
                                     "t/1-basics/02-second.md": question("second", "")])
        #expect(found.contains("t/1-basics/01-first.md:4:10: error: 'show-if' looks at 'second', which is not asked before this question. a condition can only look at questions asked earlier on the same path: move the question, or change the condition"), "\(found)")
        let own = try diagnostics(["t/1-basics/02-second.md": question("second", "show-if: second = yes\n")])
        #expect(own.contains { $0.contains("looks at 'second', which is not asked before this question") })
    }

    @Test func findsQuestionsAndGuidanceNoAnswersReach() throws {
        let found = try diagnostics([
            "t/1-basics/02-second.md": question("second", "show-if: first = yes and first = no\n"),
            "t/1-basics/03-third.md": question("third", "").replacingOccurrences(of: "for: yes\n", with: "for: yes\nwhen: first = yes and first != yes\n"),
        ])
        #expect(found.contains("t/1-basics/02-second.md:1:1: error: no answers lead to the question 'second'. its 'show-if' can never hold after the answers before it: change the condition or remove the question"), "\(found)")
        #expect(found.contains("t/1-basics/03-third.md:9:1: error: no answers can show this guidance ('Keep it up'). its 'when' can never hold together with 'for': change or remove it"), "\(found)")
    }

    @Test func reachabilityFollowsChainsOfConditions() throws {
        // third needs second = yes, but second is only asked when first = no, and third needs first = yes.
        let found = try diagnostics([
            "t/1-basics/02-second.md": question("second", "show-if: first = no\n"),
            "t/1-basics/03-third.md": question("third", "show-if: second = yes and first = yes\n"),
        ])
        #expect(found.contains { $0.hasPrefix("t/1-basics/03-third.md:1:1: error: no answers lead to the question 'third'") }, "\(found)")
    }

    @Test func findsTypeMismatches() throws {
        let found = try diagnostics([
            "t/1-basics/02-second.md": question("second", "show-if: first includes yes\n"),
            "t/1-basics/03-third.md": question("third", "type: any\n"),
            "t/1-basics/04-fourth.md": question("fourth", "show-if: third = yes\n"),
        ])
        #expect(found.contains("t/1-basics/02-second.md:4:10: error: 'first' takes one answer, so 'includes' never fits it. write 'first = yes' or 'first in [...]'"), "\(found)")
        #expect(found.contains("t/1-basics/04-fourth.md:4:10: error: 'third' takes several answers, so compare it with 'includes'. write 'third includes yes'"), "\(found)")
    }

    @Test func tracksMustCoverEveryAnswer() throws {
        var files = Fixtures.validToolkit
        files["t/1-basics/01-first.md"] = nil
        files["t/1-basics/02-second.md"] = nil
        files["t/1-basics/part.md"] = nil
        files["t/0-open/part.md"] = "---\ntitle: Open\n---\n"
        files["t/0-open/01-first.md"] = question("first", "")
        files["t/1-a/track.md"] = "---\ntitle: A\nwhen: first = yes\n---\n"
        files["t/1-a/1-p/part.md"] = "---\ntitle: P\n---\n"
        files["t/1-a/1-p/01-second.md"] = question("second", "show-if: first = yes\n")
        files["t/2-b/track.md"] = "---\ntitle: B\nwhen: first = yes\n---\n"
        files["t/2-b/1-q/part.md"] = "---\ntitle: Q\n---\n"
        files["t/2-b/1-q/01-third.md"] = question("third", "")
        let content = try TemporaryContent(files)
        let loaded = ContentLoader.load(directory: content.root)
        let found = loaded.toolkits.flatMap { check($0) }.map { $0.description.replacingOccurrences(of: content.root + "/", with: "") }
        #expect(found.contains("t/2-b/track.md:1:1: error: no answers lead to the track 'b'. its 'when' never holds, or an earlier track is always chosen first"), "\(found)")
        #expect(found.contains("t/2-b/track.md:1:1: error: some answers lead to no track, for example when first = no. remove 'when' from the last track so it is followed when no other track applies, or widen the conditions"), "\(found)")
        #expect(!found.contains { $0.contains("'second'") }, "second is asked on track a, where first = yes holds")
    }

    @Test func warnsAboutWhatIsLegalButProbablyWrong() throws {
        let text = question("first", "")
            .replacingOccurrences(of: "url: https://www.legislation.gov.uk/ukpga/2018/12/section/35\n---\nGood.", with: "url: http://example.org\n---\nGood.")
        let found = try diagnostics(["t/1-basics/01-first.md": text + "\n", "t/1-basics/02-second.md": question("second", "show-if: first = yes\n")
            .replacingOccurrences(of: "for: no", with: "for: yes")])
        #expect(found.contains("t/1-basics/01-first.md:15:10: warning: the link 'http://example.org' is not secure. use the https:// address"), "\(found)")
        #expect(found.contains { $0.contains("warning: the answer 'no' of 'second' earns no guidance") }, "\(found)")
    }

    @Test func aMisspeltIdGivesOneErrorNotACascade() throws {
        let found = try diagnostics(["t/1-basics/02-second.md": question("second", "show-if: frist = yes\n")])
        #expect(found.count == 1, "\(found)")
    }

    @Test func warnsWhenTheStatedTimeDoesNotMatchTheQuestions() throws {
        let toolkit = Fixtures.validToolkit["t/toolkit.md"]!.replacingOccurrences(of: "review-by: 2027-05-01", with: "review-by: 2027-05-01\nminutes: 30")
        let found = try diagnostics(["t/toolkit.md": toolkit])
        #expect(found == ["t/toolkit.md:1:1: warning: 'minutes: 30' does not match the 2 questions of the longest path. allow about a minute a question: write 'minutes: 2' and the same figure on the start page"])
        let right = try diagnostics(["t/toolkit.md": toolkit.replacingOccurrences(of: "minutes: 30", with: "minutes: 2")])
        #expect(right == [])
    }

    @Test func aLargeGeneratedToolkitChecksWithoutEnumeratingPaths() {
        // 2,000 questions with random branching: enumerating paths would never finish.
        let toolkit = GeneratedToolkit.make(questionsPerTrack: 1000, seed: 7)
        let clock = ContinuousClock()
        var diagnostics: [Diagnostic] = []
        let took = clock.measure { diagnostics = check(toolkit) }
        let found = diagnostics.filter { $0.severity == .error && !$0.message.hasPrefix("no answers") }
        #expect(found.isEmpty, "\(found.prefix(3))")
        // About 1 s in a debug build; a bound thirty times that still holds on a busy machine, and is
        // still far below what walking paths would take (hours, never finishing).
        #expect(took < .seconds(30), "checking 2,000 questions took \(took)")
    }

}

/// Content tests: the shipped toolkit (content/), which an editor's change may legitimately alter.
struct ShippedContentChecks {
    @Test func theShippedContentPassesEveryCheckWithNoWarnings() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let loaded = ContentLoader.load(directory: root.appendingPathComponent("content").path)
        let found = loaded.diagnostics + loaded.toolkits.flatMap { check($0) }
        #expect(found.isEmpty, "\(found.map(\.description).joined(separator: "\n"))")
        #expect(loaded.toolkits.map(\.id) == ["data-analytics"])
        #expect(loaded.toolkits.first?.tracks.map(\.id) == ["law-enforcement", "general"])
        // Every file says when its law was checked and when it is to be reviewed.
        let folder = root.appendingPathComponent("content/data-analytics").path
        let files = FileManager.default.enumerator(atPath: folder)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") }
        #expect(files.count > 70)
        for file in files {
            let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            let frontMatter = text.components(separatedBy: "\n---").first ?? ""
            #expect(frontMatter.contains("\nlaw-checked: ") || frontMatter.contains("\nlaw-as-at: "), "\(file) has no law-checked date")
            #expect(frontMatter.contains("\nreview-by: "), "\(file) has no review-by date")
        }
    }
}
