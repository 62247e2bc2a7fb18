import ArgumentParser
import ToolkitBuild

@main
struct ToolkitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "toolkit",
        abstract: "Build question-led guidance toolkits from Markdown content into a static site.",
        subcommands: [Build.self, Check.self, Review.self, Serve.self, Graph.self, New.self, Evaluate.self, Package.self, Verify.self],
        defaultSubcommand: Build.self)
}

/// Where the build reads and writes; shared by every command.
struct Folders: ParsableArguments {
    @Option(help: "The folder of toolkit content.") var content = "content"
    @Option(help: "The folder of templates and assets.") var theme = "theme"
    @Option(help: "The folder to write the site to.") var output = "site"
}

extension Folders {
    var plain: BuildFolders { BuildFolders(content: content, theme: theme, output: output) }
}
