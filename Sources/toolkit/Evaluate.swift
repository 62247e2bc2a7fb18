import ArgumentParser
import Foundation
import ToolkitBuild
import ToolkitContent
import ToolkitModel

/// The Swift model's answer for sets of answers, for tests that hold the browser to it.
/// Reads a JSON array of answer objects ({"question-id": "option" or ["option", ...]}) on standard input
/// and prints a JSON array of {asked, track, guidance}.
struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the questions asked and the guidance shown for answers read as JSON on standard input.")

    @OptionGroup var folders: Folders
    @Argument(help: "The toolkit's id.") var toolkit: String

    func run() throws {
        let loaded = ContentLoader.load(directory: folders.content)
        guard let model = loaded.toolkits.first(where: { $0.id == toolkit }) else {
            printError("toolkit: no toolkit '\(toolkit)' in \(folders.content)")
            throw ExitCode.failure
        }
        let input = FileHandle.standardInput.readDataToEndOfFile()
        guard let sets = try JSONSerialization.jsonObject(with: input) as? [[String: Any]] else {
            printError("toolkit: standard input must be a JSON array of answer objects")
            throw ExitCode.failure
        }
        let runs: [[String: Any]] = sets.map { raw in
            var answers: Answers = [:]
            for (id, value) in raw {
                if let one = value as? String { answers[id] = .one(one) }
                if let many = value as? [String] { answers[id] = .any(Set(many)) }
            }
            let run = model.run(answers)
            return ["asked": run.asked, "track": run.track ?? NSNull(), "guidance": run.guidance]
        }
        let data = try JSONSerialization.data(withJSONObject: runs, options: [.sortedKeys])
        FileHandle.standardOutput.write(data)
    }
}
