import Testing
import ToolkitModel
@testable import ToolkitChecks

/// Review dates that act, on toolkits built in memory: each date has the place it was written.
struct ReviewDateTests {
    static func at(_ file: String, _ line: Int) -> ToolkitModel.SourceLocation { ToolkitModel.SourceLocation(file: file, line: line, column: 12) }

    static func dates(_ file: String, checked: String?, review: String?) -> LawDates {
        LawDates(file: file, lawChecked: checked.map { Located($0, at: at(file, 5)) },
                 reviewBy: review.map { Located($0, at: at(file, 6)) })
    }

    static func toolkit(_ lawDates: [LawDates]) -> Toolkit {
        Toolkit(id: "t", title: "T", tracks: [], lawDates: lawDates)
    }

    static func day(_ text: String) -> CalendarDate { CalendarDate(text)! }

    @Test func warnsAtTheReviewDateOnceItHasPassed() {
        let toolkit = Self.toolkit([Self.dates("a.md", checked: "2026-11-01", review: "2027-05-01")])
        let found = checkReviewDates(toolkit, today: Self.day("2027-06-01"))
        #expect(found.map(\.description) == [
            "a.md:6:12: warning: the law in this file was due for review on 1 May 2027. check the file against the law in force today, then set 'law-checked' to today's date and 'review-by' to the next review date",
        ])
    }

    @Test func saysNothingUpToAndOnTheReviewDate() {
        let toolkit = Self.toolkit([Self.dates("a.md", checked: "2026-11-01", review: "2027-05-01")])
        #expect(checkReviewDates(toolkit, today: Self.day("2027-04-30")).isEmpty)
        #expect(checkReviewDates(toolkit, today: Self.day("2027-05-01")).isEmpty)
        #expect(checkReviewDates(toolkit, today: nil).isEmpty)
    }

    @Test func aReviewDateBeforeTheLawWasCheckedIsAnErrorWhateverTheDay() {
        let toolkit = Self.toolkit([Self.dates("b.md", checked: "2026-11-01", review: "2026-10-01")])
        for today in [nil, Self.day("2020-01-01"), Self.day("2030-01-01")] {
            #expect(checkReviewDates(toolkit, today: today).map(\.description) == [
                "b.md:6:12: error: 'review-by' (1 October 2026) comes before 'law-checked' (1 November 2026). set 'review-by' to a date after 2026-11-01, when the law should next be checked",
            ])
        }
    }

    @Test func theToolkitFileNamesItsLawAsAtDate() {
        let toolkit = Self.toolkit([Self.dates("t/toolkit.md", checked: "2026-11-01", review: "2026-10-01")])
        #expect(checkReviewDates(toolkit, today: nil).first?.message == "'review-by' (1 October 2026) comes before 'law-as-at' (1 November 2026)")
    }

    @Test func everyCheckRunsTheReviewCheckWithTheDayItIsGiven() {
        let toolkit = Self.toolkit([Self.dates("a.md", checked: "2026-11-01", review: "2027-05-01")])
        #expect(check(toolkit, today: Self.day("2027-06-01")).contains { $0.message.contains("due for review") })
        #expect(!check(toolkit).contains { $0.message.contains("due for review") })
    }

    @Test func listsWhatIsDueWithinNDaysOldestFirstWithOverdueFiles() {
        let toolkit = Self.toolkit([
            Self.dates("late.md", checked: "2026-11-01", review: "2027-07-01"),
            Self.dates("soon-b.md", checked: "2026-11-01", review: "2027-06-10"),
            Self.dates("soon-a.md", checked: "2026-11-01", review: "2027-06-10"),
            Self.dates("overdue.md", checked: "2026-11-01", review: "2027-05-01"),
            Self.dates("no-date.md", checked: "2026-11-01", review: nil),
        ])
        let due = reviewsDue([toolkit], today: Self.day("2027-06-01"), within: 14)
        #expect(due.map(\.file) == ["overdue.md", "soon-a.md", "soon-b.md"])
        #expect(due.map(\.daysLeft) == [-31, 9, 9])
        #expect(due[0].reviewBy.location == Self.at("overdue.md", 6))
        #expect(reviewsDue([toolkit], today: Self.day("2027-06-01"), within: 30).map(\.file).last == "late.md")
        #expect(reviewsDue([toolkit], today: Self.day("2027-01-01"), within: 0).isEmpty)
    }
}
