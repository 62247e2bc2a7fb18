import Testing
import ToolkitModel

struct CalendarDateTests {
    @Test(arguments: ["2026-11-25", "2028-02-29", "2000-02-29", "2026-12-31", "2026-04-30"])
    func readsRealDays(_ text: String) throws {
        let date = try #require(CalendarDate(text))
        #expect(date.description == text)
    }

    @Test(arguments: ["2026-02-31", "2027-02-29", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10",
                      "2026-11-00", "2026-11-5", "26-11-25", "2026/11/25", "2026-11-25x", "", "２０２６-11-25",
                      "2026-1-125", "2026-11-2\u{301}5", " 2026-11-25", "2026-11-25\n"])
    func rejectsWhatIsNotARealDay(_ text: String) {
        #expect(CalendarDate(text) == nil)
    }

    @Test func tellsAWrongFormFromAnImpossibleDay() {
        #expect(CalendarDate.hasDateForm("2026-02-31"))
        #expect(!CalendarDate.hasDateForm("31/02/2026"))
        #expect(CalendarDate.hasDateForm("0000-99-00"))
        #expect(!CalendarDate.hasDateForm("2026-02-3\u{301}1"))
        #expect(!CalendarDate.hasDateForm("２０２６-02-31"))
    }

    @Test func countsDaysAcrossMonthsYearsAndLeapDays() throws {
        let start = try #require(CalendarDate("2026-11-25"))
        #expect(start.days(until: try #require(CalendarDate("2027-05-25"))) == 181)
        #expect(try #require(CalendarDate("2028-02-28")).adding(days: 1).description == "2028-02-29")
        #expect(try #require(CalendarDate("2027-02-28")).adding(days: 1).description == "2027-03-01")
        #expect(try #require(CalendarDate("1970-01-01")).dayNumber == 0)
        #expect(start.adding(days: -400).adding(days: 400) == start)
        #expect(start.days(until: start.adding(days: -3)) == -3)
    }

    @Test func ordersAndWritesDatesAsGOVUKDoes() throws {
        let may = try #require(CalendarDate("2027-05-01")), june = try #require(CalendarDate("2027-06-01"))
        #expect(may < june)
        #expect(may.long == "1 May 2027")
    }
}
