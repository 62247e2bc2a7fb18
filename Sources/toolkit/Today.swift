import ArgumentParser
import ToolkitBuild
import ToolkitModel

/// `--today YYYY-MM-DD` for the commands that check review dates.
struct TodayOption: ParsableArguments {
    @Option(name: .customLong("today"),
            help: "The date to check review dates against, YYYY-MM-DD (default: $TOOLKIT_TODAY, else the computer's date).")
    var text: String?

    func validate() throws {
        do { _ = try Today.resolve(text) } catch { throw ValidationError("\(error)") }
    }

    /// The resolved date; `validate()` has already refused one that cannot be read.
    var date: CalendarDate { (try? Today.resolve(text)) ?? Today.clock }
}
