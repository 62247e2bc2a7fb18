import Foundation
import ArgumentParser
import ToolkitChecks
import ToolkitContent
import ToolkitModel
import ToolkitSite
import ToolkitBuild

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check the content and write the site.")

    @OptionGroup var folders: Folders
    @OptionGroup var today: TodayOption
    @Flag(help: "Print how long each step of the build took.") var timings = false

    func run() throws {
        // Blocks of 256 KB and more get mappings of their own, given back to the system when freed. Left to
        // itself, glibc raises that threshold as big blocks are freed, and then keeps them: the page of all
        // guidance, put together from its chunks, held 38 MB twice at 10,000 questions.
        _ = glibcMallopt(mmapThreshold, 1 << 18)
        let outcome = SiteBuild(folders: folders.plain, today: today.date).run()
        DiagnosticPrinter.print(outcome.diagnostics)
        if timings {
            printError("toolkit: " + outcome.steps.map { "\($0.step) \(Int($0.milliseconds.rounded())) ms" }.joined(separator: ", "))
        }
        if let failure = outcome.failure {
            printError("toolkit: the site was not written: \(failure)")
            throw ExitCode.failure
        }
        printError("toolkit: wrote \(folders.output)/ (\(outcome.fileCount) files)")
        // The site is written: end here. Returning would free every question, page and script one by one,
        // which at 10,000 questions takes longer than some of the build's steps; the system frees it at once.
        withExtendedLifetime(outcome) { Foundation.exit(EXIT_SUCCESS) }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check the content, and the theme when there is one, without writing the site.")

    enum Format: String, ExpressibleByArgument { case text, json }

    @OptionGroup var folders: Folders
    @OptionGroup var today: TodayOption
    @Option(help: "text (file:line:column: level: message) or json.") var format = Format.text

    func run() throws {
        let build = SiteBuild(folders: folders.plain, today: today.date)
        let (toolkits, loadDiagnostics) = build.loadAndCheck()
        let diagnostics = (loadDiagnostics + build.themeDiagnostics()).sorted
        switch format {
        case .text:
            DiagnosticPrinter.print(diagnostics)
            DiagnosticPrinter.coverage(toolkits).forEach(printError)
        case .json: Swift.print(try DiagnosticPrinter.json(diagnostics))
        }
        if diagnostics.hasErrors { throw ExitCode.failure }
    }
}

/// glibc's `mallopt` and its `M_MMAP_THRESHOLD` (malloc.h), which Swift's Glibc module does not export.
@_silgen_name("mallopt") func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
let mmapThreshold: Int32 = -3
