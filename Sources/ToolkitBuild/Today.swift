import Foundation
import ToolkitModel

/// The day review dates are checked against: a date given on the command line, else the TOOLKIT_TODAY
/// environment variable, else the computer's date. Tests set one of the first two, so they never depend on
/// the real date.
public enum Today {
    public static let variable = "TOOLKIT_TODAY"

    public struct NotADate: Error, CustomStringConvertible {
        public var description: String
    }

    /// The date from the environment or the clock; nil only when TOOLKIT_TODAY is not a real date.
    public static var current: CalendarDate? { try? resolve(nil) }

    public static func resolve(_ given: String?, source: String = "--today",
                               environment: [String: String] = ProcessInfo.processInfo.environment) throws -> CalendarDate {
        if let given { return try parse(given, source: source) }
        if let value = environment[variable], !value.isEmpty { return try parse(value, source: variable) }
        return clock
    }

    /// The computer's date.
    public static var clock: CalendarDate {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        // The calendar's own parts always make a real date; 1 January 1970 is only a formality.
        return CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? CalendarDate(year: 1970, month: 1, day: 1)!
    }

    private static func parse(_ text: String, source: String) throws -> CalendarDate {
        guard let date = CalendarDate(text) else {
            throw NotADate(description: "\(source) '\(text)' is not a real date in the form YYYY-MM-DD: write it like 2027-06-01")
        }
        return date
    }
}
