import ArgumentParser
import ToolkitBuild
import ToolkitChecks
import ToolkitContent
import ToolkitModel

/// The content review list: the files whose law is due for review within N days, oldest first.
struct Review: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the content files due for legal review within N days, oldest review date first.",
        discussion: """
            Each line gives the review date, how long until it (or how long ago it passed), the file and the \
            line and column of its 'review-by' date, and when its law was last checked. Files already overdue \
            are listed first.
            """)

    enum Format: String, ExpressibleByArgument { case text, json }

    @OptionGroup var folders: Folders
    @OptionGroup var today: TodayOption
    @Option(help: "List the files due within this many days of today.") var within = 90
    @Option(help: "text, or json for tools.") var format = Format.text

    func validate() throws {
        guard within >= 0 else { throw ValidationError("--within takes a number of days, 0 or more, like --within 90") }
    }

    func run() throws {
        let loaded = ContentLoader.load(directory: folders.content)
        let due = reviewsDue(loaded.toolkits, today: today.date, within: within)
        switch format {
        case .text: print(ReviewList.text(due, today: today.date, within: within), terminator: "")
        case .json: print(ReviewList.json(due))
        }
        if loaded.diagnostics.hasErrors {
            printError("toolkit: the content has errors, so some files may be missing from the list: run 'toolkit check'")
            throw ExitCode.failure
        }
    }
}

/// The review list in words and as JSON.
enum ReviewList {
    static func text(_ due: [DueReview], today: CalendarDate, within: Int) -> String {
        let horizon = today.adding(days: within)
        guard !due.isEmpty else {
            return "No file is due for review by \(horizon.long) (within \(within) days of \(today.long)).\n"
        }
        var out = "\(due.count) file\(due.count == 1 ? " is" : "s are") due for review by \(horizon.long), oldest first:\n"
        for item in due {
            let checked = item.lawChecked.flatMap(CalendarDate.init).map { "; law last checked \($0.long)" } ?? ""
            out += "\(item.reviewBy.value)  \(when(item.daysLeft))  \(item.reviewBy.location)\(checked)\n"
        }
        return out
    }

    static func when(_ daysLeft: Int) -> String {
        switch daysLeft {
        case ..<(-1): "overdue by \(-daysLeft) days"
        case -1: "overdue by 1 day"
        case 0: "due today"
        case 1: "due in 1 day"
        default: "due in \(daysLeft) days"
        }
    }

    static func json(_ due: [DueReview]) -> String {
        let items = due.map { item in
            "  {\"file\": \(quoted(item.file)), \"line\": \(item.reviewBy.location.line), \"column\": \(item.reviewBy.location.column), "
                + "\"reviewBy\": \(quoted(item.reviewBy.value)), \"lawChecked\": \(item.lawChecked.map(quoted) ?? "null"), "
                + "\"daysLeft\": \(item.daysLeft)}"
        }
        return items.isEmpty ? "[]" : "[\n" + items.joined(separator: ",\n") + "\n]"
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
