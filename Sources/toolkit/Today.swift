import ArgumentParser
import Foundation
import ToolkitModel

/// The day review dates are checked against: `--today`, else the TOOLKIT_TODAY environment variable,
/// else the computer's date. Tests set one of the first two, so they never depend on the real date.
enum Today {
    static let variable = "TOOLKIT_TODAY"

    static func resolve(_ given: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> CalendarDate {
        if let given { return try parse(given, source: "--today") }
        if let value = environment[variable], !value.isEmpty { return try parse(value, source: variable) }
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    private static func parse(_ text: String, source: String) throws -> CalendarDate {
        guard let date = CalendarDate(text) else {
            throw ValidationError("\(source) '\(text)' is not a real date in the form YYYY-MM-DD: write it like 2027-06-01")
        }
        return date
    }
}

/// `--today YYYY-MM-DD` for the commands that check review dates.
struct TodayOption: ParsableArguments {
    @ArgumentParser.Option(name: .customLong("today"),
            help: "The date to check review dates against, YYYY-MM-DD (default: $TOOLKIT_TODAY, else the computer's date).")
    var text: String?

    func validate() throws { _ = try Today.resolve(text) }

    /// The resolved date; `validate()` has already rejected one that is not a real date.
    var date: CalendarDate { try! Today.resolve(text) }
}
