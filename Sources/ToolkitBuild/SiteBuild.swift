import Foundation
import ToolkitChecks
import ToolkitContent
import ToolkitModel
import ToolkitSite

/// Where the build reads and writes.
public struct BuildFolders: Sendable {
    public var content: String
    public var theme: String
    public var output: String

    public init(content: String = "content", theme: String = "theme", output: String = "site") {
        self.content = content
        self.theme = theme
        self.output = output
    }
}

/// The build as a sequence of named steps: load the content, check it, load the theme,
/// render the pages, write the site in one swap.
public struct SiteBuild {
    public let folders: BuildFolders
    /// The day review dates are checked against (see `Today`); nil checks them only against each other.
    public var today: CalendarDate?
    /// Work kept from the build before (the preview's): nil builds everything afresh.
    public var memory: BuildMemory?

    public init(folders: BuildFolders, today: CalendarDate? = Today.current, memory: BuildMemory? = nil) {
        self.folders = folders
        self.today = today
        self.memory = memory
    }

    public struct Outcome {
        public var toolkits: [Toolkit] = []
        public var diagnostics: [Diagnostic] = []
        public var failure: String?
        public var fileCount = 0

        public init(failure: String? = nil) { self.failure = failure }
    }

    /// Step 1: the content folder read into toolkits, with what the loader found wrong.
    public func load() -> ContentLoader.Loaded {
        ContentLoader.load(directory: folders.content, reusing: memory?.parsed)
    }

    /// Step 2: the loader's diagnostics and every check's, in file order.
    public func check(_ loaded: ContentLoader.Loaded) -> [Diagnostic] {
        (loaded.diagnostics + loaded.toolkits.flatMap { ToolkitChecks.check($0, today: today) }).sorted
    }

    public func loadAndCheck() -> (toolkits: [Toolkit], diagnostics: [Diagnostic]) {
        let loaded = load()
        return (loaded.toolkits, check(loaded))
    }

    /// Step 3: the theme's templates, assets and locale files.
    public func loadTheme() -> Result<Theme, DiagnosticList> {
        guard let memory else { return Theme.load(directory: folders.theme) }
        return memory.theme(in: folders.theme) { Theme.load(directory: folders.theme) }
    }

    /// What `check` reports about the theme (its locale files above all): nothing when there is no theme
    /// folder, as in a folder of content alone, where `build` says what is missing.
    public func themeDiagnostics() -> [Diagnostic] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folders.theme, isDirectory: &isFolder), isFolder.boolValue else { return [] }
        switch loadTheme() {
        case let .success(theme): return theme.warnings
        case let .failure(list): return list.diagnostics
        }
    }

    /// Step 4: every page, in memory; throws the pages the theme could not render.
    public func renderPages(_ toolkits: [Toolkit], theme: Theme) throws(DiagnosticList) -> Site {
        let renderer = SiteRenderer(theme: theme)
        guard let markdown = memory?.markdown else { return try renderer.render(toolkits) }
        return try markdown.rendering { () throws(DiagnosticList) -> Site in try renderer.render(toolkits) }
    }

    public func run() -> Outcome {
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
    public func render() -> (site: Site?, outcome: Outcome) {
        var outcome = Outcome()
        let (toolkits, diagnostics) = loadAndCheck()
        outcome.toolkits = toolkits
        outcome.diagnostics = diagnostics
        let theme: Theme
        switch loadTheme() {
        case let .success(loaded): theme = loaded
            outcome.diagnostics += loaded.warnings
        case let .failure(list): outcome.diagnostics += list.diagnostics
            outcome.failure = "the theme has errors"
            return (nil, outcome)
        }
        guard !diagnostics.hasErrors else {
            outcome.failure = "the content has errors"
            return (nil, outcome)
        }
        let site: Site
        do {
            site = try renderPages(toolkits, theme: theme)
        } catch {
            outcome.diagnostics += error.diagnostics
            outcome.failure = "the theme could not render every page"
            return (nil, outcome)
        }
        outcome.fileCount = site.files.count
        return (site, outcome)
    }
}
