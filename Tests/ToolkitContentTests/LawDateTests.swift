import Testing
import ToolkitModel
import ToolkitTestSupport
@testable import ToolkitContent

/// The loader keeps every file's law dates, with where each is written, and rejects dates that do not exist.
extension LoaderTests {
    @Test func anImpossibleDayIsAnErrorAtTheDate() throws {
        let content = try TemporaryContent.valid(replacing: [
            "t/1-basics/01-first.md": Fixtures.question(id: "first", extra: "")
                .replacingOccurrences(of: "law-checked: 2026-11-01", with: "law-checked: 2026-02-31"),
            "t/1-basics/part.md": "---\ntitle: Basics\nreview-by: 2027-02-29\n---\n",
        ])
        let found = errors(content)
        #expect(found.contains("t/1-basics/01-first.md:4:14: error: '2026-02-31' is not a real date. check the day and the month: write a day that exists, like 2026-11-25"), "\(found)")
        #expect(found.contains("t/1-basics/part.md:3:12: error: '2027-02-29' is not a real date. check the day and the month: write a day that exists, like 2026-11-25"), "\(found)")
    }

    @Test func aDateInAnotherFormSaysTheForm() throws {
        let content = try TemporaryContent.valid(replacing: [
            "t/toolkit.md": Fixtures.validToolkit["t/toolkit.md"]!.replacingOccurrences(of: "review-by: 2027-05-01", with: "review-by: 1 May 2027"),
        ])
        #expect(errors(content).contains("t/toolkit.md:5:12: error: '1 May 2027' is not a date in the form YYYY-MM-DD. write the date like 2026-11-25"))
    }

    @Test func keepsEachFilesDatesWithTheirPlaces() throws {
        let content = try TemporaryContent.valid(replacing: [
            "t/1-basics/part.md": "---\ntitle: Basics\nlaw-checked: 2026-11-20\nreview-by: 2027-05-20\n---\n",
        ])
        let toolkit = try #require(load(content).toolkits.first)
        let byFile = Dictionary(uniqueKeysWithValues: toolkit.lawDates.map {
            ($0.file.replacingOccurrences(of: content.root + "/", with: ""), $0)
        })
        #expect(byFile.keys.sorted() == ["t/1-basics/01-first.md", "t/1-basics/02-second.md", "t/1-basics/part.md", "t/toolkit.md"])
        let toolkitDates = try #require(byFile["t/toolkit.md"])
        #expect(toolkitDates.lawChecked?.value == "2026-11-01")
        #expect(toolkitDates.reviewBy?.value == "2027-05-01")
        #expect(toolkitDates.reviewBy?.location.line == 5)
        let second = try #require(byFile["t/1-basics/02-second.md"])
        #expect(second.reviewBy.map { "\($0.location.line):\($0.location.column)" } == "6:12")
    }

    @Test func aPartsLawWasLastCheckedOnItsLatestDate() throws {
        let later = Fixtures.question(id: "second", extra: "show-if: first = yes\n")
            .replacingOccurrences(of: "law-checked: 2026-11-01", with: "law-checked: 2026-11-24")
        let content = try TemporaryContent.valid(replacing: [
            "t/1-basics/02-second.md": later,
            "t/1-basics/part.md": "---\ntitle: Basics\nlaw-checked: 2026-10-01\n---\n",
        ])
        let part = try #require(load(content).toolkits.first?.tracks.first?.parts.first)
        #expect(part.lawChecked == "2026-10-01")
        #expect(part.latestLawChecked == "2026-11-24")
        #expect(Part(id: "p", title: "P", questions: []).latestLawChecked == nil)
    }
}
