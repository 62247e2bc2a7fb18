import Foundation
import Testing
import ToolkitContent
import ToolkitModel
import ToolkitTestSupport
@testable import ToolkitSite

/// Users see, at each part, when its law was last checked: in the emitted model for the runtime, and on
/// the page of all questions and guidance that works without JavaScript.
struct LawCheckedTests {
    static func toolkit(partDate: String?, questionDates: [String?]) -> Toolkit {
        let questions = questionDates.enumerated().map { index, date in
            Question(id: "q\(index)", text: "Q\(index)?", options: [AnswerOption(id: "yes", label: "Yes"), AnswerOption(id: "no", label: "No")],
                     lawChecked: date)
        }
        return Toolkit(id: "t", title: "T", tracks: [Track(id: "t", title: "T", parts: [
            Part(id: "dated", title: "Dated", questions: questions, lawChecked: partDate),
            Part(id: "undated", title: "Undated", questions: [Question(id: "u", text: "U?", options: [])]),
        ])])
    }

    @Test func theModelCarriesEachPartsLatestLawCheckedDate() {
        let script = ScriptEmitter.script(for: Self.toolkit(partDate: "2026-10-01", questionDates: ["2026-11-02", "2026-11-20", nil]))
        let dated = script.range(of: "id: \"dated\"")!, undated = script.range(of: "id: \"undated\"")!
        #expect(script[dated.upperBound..<undated.lowerBound].contains("lawChecked: \"2026-11-20\",\n"))
        #expect(script[undated.upperBound...].contains("lawChecked: null,\n"))
    }

    @Test func thePageWithoutJavaScriptSaysWhenEachPartsLawWasChecked() throws {
        guard case let .success(theme) = Theme.load(directory: NodeRunner.repository.appendingPathComponent("theme").path) else {
            Issue.record("the theme does not load"); return
        }
        let site = try SiteRenderer(theme: theme).render([Self.toolkit(partDate: nil, questionDates: ["2026-11-02", "2027-01-05"])])
        let page = String(decoding: try #require(site.files["t/all-guidance.html"]), as: UTF8.self)
        let lines = page.components(separatedBy: "\n").filter { $0.contains("law in this part") }
        #expect(lines.map { $0.trimmingCharacters(in: .whitespaces) } == [
            "<p class=\"law-checked\">The law in this part was last checked on 5 January 2027.</p>",
        ])
    }
}

/// Content tests: the shipped toolkit (content/).
struct ShippedContentLawDates {
    @Test func theShippedModelGivesEveryPartADate() throws {
        let (site, toolkits) = try ShippedContentSite.site()
        for toolkit in toolkits {
            let script = String(decoding: try #require(site.files[toolkit.id + "/model.js"]), as: UTF8.self)
            let parts = toolkit.openingParts.count + toolkit.tracks.map(\.parts.count).reduce(0, +)
            #expect(SiteTests.matches(#"lawChecked: "(\d{4}-\d{2}-\d{2})""#, in: script).count == parts)
        }
    }
}
