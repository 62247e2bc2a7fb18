import ArgumentParser
import ToolkitBuild

@main
struct ToolkitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "toolkit",
        abstract: "Build question-led guidance toolkits from Markdown content into a static site.",
        subcommands: [Build.self, Check.self, Review.self, Serve.self, Graph.self, New.self, Evaluate.self, Package.self, Verify.self, Translate.self],
        defaultSubcommand: Build.self)
}

/// Where the content is, for every command that reads it (Graph and New take no theme or site folder).
struct ContentFolder: ParsableArguments {
    @Option(help: "The folder of toolkit content.") var content = "content"
}

/// Where the content and the theme are, for every command that renders the site.
struct SourceFolders: ParsableArguments {
    @OptionGroup var contentFolder: ContentFolder
    @Option(help: "The folder of templates and assets.") var theme = "theme"

    var content: String { contentFolder.content }
}

/// Where the build reads and writes; shared by every command that writes or checks the site.
struct Folders: ParsableArguments {
    @OptionGroup var sources: SourceFolders
    @Option(help: "The folder to write the site to.") var output = "site"

    var content: String { sources.content }
    var theme: String { sources.theme }
}

extension Folders {
    var plain: BuildFolders { BuildFolders(content: content, theme: theme, output: output) }
}
