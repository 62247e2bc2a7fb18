import ArgumentParser
import Foundation
import ToolkitContent
import ToolkitModel
import ToolkitFlowMap
import ToolkitBuild

/// The flow of a toolkit as a picture: Graphviz DOT, or SVG drawn by Graphviz's `dot`.
struct Graph: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw the flow of a toolkit: parts, questions, and the answers that lead from one to the next.",
        discussion: """
            DOT is Graphviz's text format; SVG is a picture any browser opens, drawn by Graphviz's 'dot' program \
            (Debian and Ubuntu: sudo apt-get install graphviz; macOS: brew install graphviz).
            Example: toolkit graph --format svg data-analytics > map.svg
            """)

    enum Format: String, ExpressibleByArgument { case dot, svg }

    @OptionGroup var folder: ContentFolder
    @Option(help: "dot (Graphviz text) or svg (a picture; needs Graphviz).") var format = Format.dot
    @Option(name: .shortAndLong, help: "Write to this file instead of the standard output.") var output: String?
    @Argument(help: "The toolkit's id (its folder name). Optional when there is only one toolkit.") var toolkit: String?

    func run() throws {
        let content = folder.content
        let loaded = ContentLoader.load(directory: content)
        let model: Toolkit
        if let toolkit {
            guard let found = loaded.toolkits.first(where: { $0.id == toolkit }) else {
                let ids = loaded.toolkits.map(\.id)
                let suggestion = closestMatch(to: toolkit, in: ids).map { " Did you mean '\($0)'?" } ?? ""
                printError("toolkit: there is no toolkit '\(toolkit)' in \(content).\(suggestion) The toolkits are: \(ids.joined(separator: ", "))")
                throw ExitCode.failure
            }
            model = found
        } else {
            guard loaded.toolkits.count == 1 else {
                printError(loaded.toolkits.isEmpty
                           ? "toolkit: there is no toolkit in \(content)"
                           : "toolkit: name the toolkit to draw: \(loaded.toolkits.map(\.id).joined(separator: ", "))")
                throw ExitCode.failure
            }
            model = loaded.toolkits[0]
        }
        let errors = loaded.diagnostics.filter { $0.severity == .error }.count
        if errors > 0 {
            printError("toolkit: the content has \(errors) error\(errors == 1 ? "" : "s") (run 'toolkit check'); the map shows it as it is")
        }
        let dot = FlowMap.dot(for: model)
        let text: String
        switch format {
        case .dot: text = dot
        case .svg:
            do {
                text = try Graphviz.svg(from: dot)
            } catch {
                printError("toolkit: \(error)")
                throw ExitCode.failure
            }
        }
        if let output {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output))
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
