import Foundation
import Testing

/// `toolkit review` and the date the review checks take as today.
@Suite("toolkit review")
struct ReviewTests {
    static let folder = fixtures + "/review"

    @Test("lists the files due within N days, overdue and oldest first, each at its review-by date")
    func list() throws {
        let result = try runToolkit(["review", "--today", "2026-12-01", "--within", "60"], in: Self.folder)
        let golden = Self.folder + "/expected.txt"
        if updatingGoldenFiles { try result.output.write(toFile: golden, atomically: true, encoding: .utf8) }
        try #expect(result.output == goldenText(golden))
        #expect(result.status == 0)
        #expect(result.output.contains("2026-11-20  overdue by 11 days  content/rv/1-basics/01-earliest.md:5:12"))
        #expect(!result.output.contains("03-later.md"))
    }

    @Test("--format json gives the same list for tools")
    func json() throws {
        let result = try runToolkit(["review", "--today", "2026-12-01", "--within", "60", "--format", "json"], in: Self.folder)
        let golden = Self.folder + "/expected.json"
        if updatingGoldenFiles { try result.output.write(toFile: golden, atomically: true, encoding: .utf8) }
        try #expect(result.output == goldenText(golden))
        let items = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]]
        #expect(items?.map { $0["daysLeft"] as? Int } == [-11, 45, 45])
    }

    @Test("a longer horizon takes in later files; nothing due says so")
    func horizon() throws {
        let all = try runToolkit(["review", "--today", "2026-12-01", "--within", "365"], in: Self.folder)
        #expect(all.output.hasPrefix("5 files are due for review by 1 December 2027, oldest first:\n"))
        #expect(all.output.contains("content/rv/1-basics/03-later.md:5:12"))
        let none = try runToolkit(["review", "--today", "2026-01-01", "--within", "30"], in: Self.folder)
        #expect(none.output == "No file is due for review by 31 January 2026 (within 30 days of 1 January 2026).\n")
    }

    @Test("TOOLKIT_TODAY sets the date when --today is not given, and --today wins over it")
    func environment() throws {
        var environment = ProcessInfo.processInfo.environment
        environment["TOOLKIT_TODAY"] = "2027-01-20"
        let fromEnvironment = try runToolkit(["check"], in: Self.folder, environment: environment)
        #expect(fromEnvironment.errors.contains("content/rv/1-basics/02-soon.md:5:12: warning: the law in this file was due for review on 15 January 2027"))
        let overridden = try runToolkit(["check", "--today", "2026-11-01"], in: Self.folder, environment: environment)
        #expect(overridden.errors.isEmpty)
        #expect(overridden.status == 0)
    }

    @Test("a date that does not exist is refused, saying how to write one", arguments: [
        (["review", "--today", "2026-02-31"], "--today '2026-02-31'"),
        (["check", "--today", "31/12/2026"], "--today '31/12/2026'"),
    ])
    func badToday(_ arguments: [String], _ named: String) throws {
        let result = try runToolkit(arguments, in: Self.folder)
        #expect(result.status != 0)
        #expect(result.errors.contains("\(named) is not a real date in the form YYYY-MM-DD: write it like 2027-06-01"))
    }

    @Test("a bad TOOLKIT_TODAY is refused too")
    func badEnvironment() throws {
        var environment = ProcessInfo.processInfo.environment
        environment["TOOLKIT_TODAY"] = "2027-13-01"
        let result = try runToolkit(["check"], in: Self.folder, environment: environment)
        #expect(result.status != 0)
        #expect(result.errors.contains("TOOLKIT_TODAY '2027-13-01' is not a real date"))
    }
}
