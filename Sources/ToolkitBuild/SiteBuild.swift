import Foundation
import ToolkitChecks
import ToolkitContent
import ToolkitMarkdown
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

/// The build as a sequence of named steps: load the content, parse its Markdown, check it, load the theme,
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
        /// The site as written, for a caller that ends the process at once (see `Build`): holding it here
        /// keeps it from being freed piece by piece before then.
        public var site: Site?
        /// How long each step took, in order, in milliseconds (`toolkit build --timings`).
        public var steps: [(step: String, milliseconds: Double)] = []

        /// Runs `work` as the step `name`, noting how long it took.
        mutating func step<Value, Failure: Error>(_ name: String, _ work: () throws(Failure) -> Value) throws(Failure) -> Value {
            let start = DispatchTime.now().uptimeNanoseconds
            defer { steps.append((name, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)) }
            return try work()
        }

        public init(failure: String? = nil) { self.failure = failure }
    }

    /// Step 1: the content folder read into toolkits, with what the loader found wrong.
    public func load() -> ContentLoader.Loaded {
        ContentLoader.load(directory: folders.content, reusing: memory?.parsed)
    }

    /// Step 2: every Markdown text of the toolkits, parsed once by cmark for the checks and the pages alike,
    /// on every core; with the HTML unless `renderingHTML` is false (the checks alone). A text the last
    /// build (the preview's) parsed is not parsed again.
    public func parseMarkdown(_ toolkits: [Toolkit], renderingHTML: Bool = true) -> MarkdownDocuments {
        // The source's texts and each translation's: the checks read both, and the site renders every language.
        let texts = toolkits.flatMap { $0.markdownTextsInEveryLanguage.map(\.text) }
        let documents = MarkdownDocuments(parsing: texts, renderingHTML: renderingHTML, reusing: memory?.markdown)
        if renderingHTML { memory?.markdown = documents }
        return documents
    }

    /// Step 3: the loader's diagnostics and every check's, in file order.
    public func check(_ loaded: ContentLoader.Loaded, markdown: MarkdownDocuments) -> [Diagnostic] {
        (loaded.diagnostics + loaded.toolkits.flatMap { ToolkitChecks.check($0, today: today, markdown: markdown) }).sorted
    }

    /// The checks alone (`toolkit check`): no HTML is made.
    public func loadAndCheck() -> (toolkits: [Toolkit], diagnostics: [Diagnostic]) {
        let loaded = load()
        return (loaded.toolkits, check(loaded, markdown: parseMarkdown(loaded.toolkits, renderingHTML: false)))
    }

    /// Step 4: the theme's templates, assets and locale files.
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

    /// Step 5: every page, in memory, from step 2's Markdown; throws the pages the theme could not render.
    public func renderPages(_ toolkits: [Toolkit], theme: Theme, markdown: MarkdownDocuments) throws(DiagnosticList) -> Site {
        try SiteRenderer(theme: theme).render(toolkits, markdown: markdown)
    }

    public func run() -> Outcome {
        let rendered = render()
        var outcome = rendered.outcome
        guard let site = rendered.site else { return outcome }
        do {
            try outcome.step("write") { try SiteWriter.write(site, to: folders.output) }
        } catch {
            outcome.failure = "\(error)"
        }
        outcome.site = site
        return outcome
    }

    /// Every step but the write: the site in memory, or nil and the reason in `outcome.failure`.
    public func render() -> (site: Site?, outcome: Outcome) {
        var outcome = Outcome()
        let loaded = outcome.step("load") { load() }
        let toolkits = loaded.toolkits
        let markdown = outcome.step("markdown") { parseMarkdown(toolkits) }
        // The theme loads on another core while this one checks the content: the checks use one core.
        let themeLoad = Concurrently { loadTheme() }
        let diagnostics = outcome.step("check") { check(loaded, markdown: markdown) }
        outcome.toolkits = toolkits
        outcome.diagnostics = diagnostics
        let theme: Theme
        switch outcome.step("theme", { themeLoad.result() }) {
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
            site = try outcome.step("render") { () throws(DiagnosticList) in try renderPages(toolkits, theme: theme, markdown: markdown) }
        } catch {
            outcome.diagnostics += error.diagnostics
            outcome.failure = "the theme could not render every page"
            return (nil, outcome)
        }
        outcome.fileCount = site.files.count
        return (site, outcome)
    }
}
