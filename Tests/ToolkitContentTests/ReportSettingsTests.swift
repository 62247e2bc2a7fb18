import Foundation
import Testing
import ToolkitModel
import ToolkitTestSupport
@testable import ToolkitContent

/// The words the report and the result page take from the content: the notice, what each priority means,
/// and what to confirm when a track rests on 'Not sure'.
struct ReportSettingsTests {
    @Test func readsTheNoticeAndWhatEachPriorityMeans() throws {
        let content = try TemporaryContent.valid(replacing: ["t/report.md": """
            ---
            title: Your report
            notice: Guidance, not legal advice. Take it to your DPO.
            act-now: Before you build anything.
            plan: Before you go live.
            keep-doing: You do this already.
            ---
            The full disclaimers.
            """])
        let result = ContentLoader.load(directory: content.root)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let report = try #require(result.toolkits.first).report
        #expect(report.notice == "Guidance, not legal advice. Take it to your DPO.")
        #expect(report.priorityMeanings == [.actNow: "Before you build anything.", .plan: "Before you go live.",
                                            .keepDoing: "You do this already."])
        #expect(report.body == "The full disclaimers.")
    }

    @Test func aMisspeltPriorityIsALocatedError() throws {
        let content = try TemporaryContent.valid(replacing: ["t/report.md": "---\ntitle: Your report\nact-soon: Now.\n---\nText.\n"])
        let errors = ContentLoader.load(directory: content.root).diagnostics.map(\.description)
        #expect(errors.contains { $0.contains("t/report.md:3:1: error: unknown setting 'act-soon'") && $0.contains("act-now") },
                "\(errors)")
    }

    @Test func readsWhatToConfirmWhenATrackRestsOnNotSure() throws {
        var files = Fixtures.validToolkit
        files["t/0-opening/part.md"] = "---\ntitle: Opening\n---\n"
        files["t/0-opening/01-route.md"] = """
            ---
            question: Which way?
            options: [yes, no, not-sure]
            law-checked: 2026-11-01
            review-by: 2027-05-01
            ---
            ---
            for: [yes, no, not-sure]
            priority: plan
            headline: Noted
            ---
            Noted.
            """
        files["t/1-a/track.md"] = "---\ntitle: Track A\nwhen: route in [yes, not-sure]\nif-unsure: Ask your DPO which way.\n---\nThe A track.\n"
        files["t/2-b/track.md"] = "---\ntitle: Track B\n---\nThe B track.\n"
        for track in ["1-a", "2-b"] {
            files["t/\(track)/1-basics/part.md"] = files["t/1-basics/part.md"]
            files["t/\(track)/1-basics/01-\(track)-first.md"] = Fixtures.question(id: "\(track)-first", extra: "")
        }
        for path in ["t/1-basics/part.md", "t/1-basics/01-first.md", "t/1-basics/02-second.md"] { files[path] = nil }
        let result = ContentLoader.load(directory: try TemporaryContent(files).root)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let tracks = try #require(result.toolkits.first).tracks
        #expect(tracks.map(\.ifUnsure) == ["Ask your DPO which way.", ""])
        #expect(tracks.map(\.description) == ["The A track.", "The B track."])
        let route = try #require(result.toolkits.first?.question("route"))
        #expect(route.options.map(\.isUnsure) == [false, false, true])
    }
}
