import ArgumentParser
import ToolkitChecks
import ToolkitContent
import ToolkitModel
import ToolkitSite

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check the content and write the site.")

    @OptionGroup var folders: Folders
    @OptionGroup var today: TodayOption

    func run() throws {
        let outcome = SiteBuild(folders: folders, today: today.date).run()
        Report.print(outcome.diagnostics)
        if let failure = outcome.failure {
            printError("toolkit: the site was not written: \(failure)")
            throw ExitCode.failure
        }
        printError("toolkit: wrote \(folders.output)/ (\(outcome.fileCount) files)")
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check the content without writing the site.")

    enum Format: String, ExpressibleByArgument { case text, json }

    @OptionGroup var folders: Folders
    @OptionGroup var today: TodayOption
    @ArgumentParser.Option(help: "text (file:line:column: level: message) or json.") var format = Format.text

    func run() throws {
        let diagnostics = SiteBuild(folders: folders, today: today.date).loadAndCheck().diagnostics
        switch format {
        case .text: Report.print(diagnostics)
        case .json: Swift.print(Report.json(diagnostics))
        }
        if diagnostics.hasErrors { throw ExitCode.failure }
    }
}

/// The build as a sequence of named steps: load the content, check it, load the theme,
/// render the pages, write the site in one swap.
struct SiteBuild {
    let folders: Folders
    /// The day review dates are checked against (see `Today`); nil checks them only against each other.
    var today: CalendarDate? = try? Today.resolve(nil)

    struct Outcome {
        var toolkits: [Toolkit] = []
        var diagnostics: [Diagnostic] = []
        var failure: String?
        var fileCount = 0
    }

    func loadAndCheck() -> (toolkits: [Toolkit], diagnostics: [Diagnostic]) {
        let loaded = ContentLoader.load(directory: folders.content)
        let diagnostics = loaded.diagnostics + loaded.toolkits.flatMap { check($0, today: today) }
        return (loaded.toolkits, diagnostics.sorted)
    }

    func run() -> Outcome {
        let rendered = render()
        var outcome = rendered.outcome
        guard let site = rendered.site else { return outcome }
        do {
            try SiteWriter.write(site, to: folders.output)
        } catch {
            outcome.failure = "\(error)"
        }
        return outcome
    }

    /// Every step but the write: the site in memory, or nil and the reason in `outcome.failure`.
    func render() -> (site: Site?, outcome: Outcome) {
        var outcome = Outcome()
        let (toolkits, diagnostics) = loadAndCheck()
        outcome.toolkits = toolkits
        outcome.diagnostics = diagnostics
        let theme: Theme
        switch Theme.load(directory: folders.theme) {
        case let .success(loaded): theme = loaded
        case let .failure(list): outcome.diagnostics += list.diagnostics
            outcome.failure = "the theme has errors"
            return (nil, outcome)
        }
        guard !diagnostics.hasErrors else {
            outcome.failure = "the content has errors"
            return (nil, outcome)
        }
        let site = SiteRenderer(theme: theme).render(toolkits)
        outcome.fileCount = site.files.count
        return (site, outcome)
    }
}
