/// A day in the calendar, written YYYY-MM-DD in content. No time of day and no time zone, so
/// "is this review date past?" has one answer wherever the tool runs.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// nil unless the text is exactly YYYY-MM-DD and names a real day (2026-02-31 does not).
    public init?(_ text: String) {
        guard let (year, month, day) = Self.numbers(text) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1...CalendarDate.days(inMonth: month, of: year)).contains(day) else { return nil }
        self.year = year; self.month = month; self.day = day
    }

    /// Whether `text` has the form YYYY-MM-DD, whatever the numbers; tells a wrong form from an impossible day.
    public static func hasDateForm(_ text: String) -> Bool { numbers(text) != nil }

    /// The numbers of YYYY-MM-DD written in ASCII digits, or nil for any other form. Read byte by byte:
    /// every content file's dates pass through here, and splitting them into characters was 8% of the checks.
    private static func numbers(_ text: String) -> (year: Int, month: Int, day: Int)? {
        var numbers = (year: 0, month: 0, day: 0)
        var index = 0
        for byte in text.utf8 {
            switch index {
            case 10: return nil
            case 4, 7: guard byte == UInt8(ascii: "-") else { return nil }
            default:
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                let digit = Int(byte - UInt8(ascii: "0"))
                switch index {
                case ..<4: numbers.year = numbers.year * 10 + digit
                case ..<7: numbers.month = numbers.month * 10 + digit
                default: numbers.day = numbers.day * 10 + digit
                }
            }
            index += 1
        }
        return index == 10 ? numbers : nil
    }

    public static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    /// Days since 1970-01-01 (negative before it), by the civil-calendar algorithm: no Foundation, no time zone.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }

    /// Whole days from `self` to `later`; negative when `later` comes first.
    public func days(until later: CalendarDate) -> Int { later.dayNumber - dayNumber }

    /// 2026-11-25
    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String { String(repeating: "0", count: max(0, width - String(n).count)) + String(n) }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// 25 November 2026, as GOV.UK writes dates.
    public var long: String {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                      "October", "November", "December"]
        return "\(day) \(months[month - 1]) \(year)"
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }
}
