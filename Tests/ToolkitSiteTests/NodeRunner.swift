import Foundation
import ToolkitModel
import ToolkitSite

/// Runs the emitted model.js and the runtime's flow (theme/assets/flow.js) in node, and asks the flow for the
/// questions asked and the guidance shown for each set of answers.
enum NodeRunner {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Outcome: Equatable, CustomStringConvertible {
        var asked: [String]
        var track: String?
        var guidance: [String]
        var description: String { "asked \(asked), track \(track ?? "none"), guidance \(guidance)" }
    }

    static func runs(of toolkit: Toolkit, for answerSets: [Answers]) throws -> [Outcome] {
        let folder = NSTemporaryDirectory() + "toolkit-node-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try ScriptEmitter.script(for: toolkit).write(toFile: folder + "/model.js", atomically: true, encoding: .utf8)
        let json = answerSets.map { answers in
            answers.mapValues { answer -> Any in
                switch answer {
                case let .one(id): id
                case let .any(ids): ids.sorted()
                }
            }
        }
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: folder + "/answers.json"))
        let harness = """
            const fs = require("fs");
            const vm = require("vm");
            const context = vm.createContext({});
            vm.runInContext(fs.readFileSync(process.argv[2], "utf8"), context);
            vm.runInContext(fs.readFileSync(process.argv[3], "utf8"), context);
            const sets = JSON.parse(fs.readFileSync(process.argv[4], "utf8"));
            const flow = vm.runInContext("toolkitFlow", context), model = vm.runInContext("toolkitModel", context);
            const out = sets.map((answers) => {
              const run = flow.run(model, answers);
              return { asked: run.asked.map((q) => q.id), track: run.track ? run.track.id : null,
                       guidance: run.guidance.map((g) => g.item.id) };
            });
            process.stdout.write(JSON.stringify(out));
            """
        try harness.write(toFile: folder + "/harness.js", atomically: true, encoding: .utf8)
        let data = try node([folder + "/harness.js", folder + "/model.js",
                             repository.appendingPathComponent("theme/assets/flow.js").path, folder + "/answers.json"])
        guard let items = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] else { throw NodeFailure(status: 0) }
        return items.map {
            Outcome(asked: $0["asked"] as? [String] ?? [], track: $0["track"] as? String, guidance: $0["guidance"] as? [String] ?? [])
        }
    }

    /// The value of `expression` (JavaScript over `toolkitModel`) after the emitted model.js runs in node,
    /// as JSON.
    static func modelValue(of toolkit: Toolkit, _ expression: String) throws -> Any {
        let folder = NSTemporaryDirectory() + "toolkit-node-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try ScriptEmitter.script(for: toolkit).write(toFile: folder + "/model.js", atomically: true, encoding: .utf8)
        let harness = """
            const fs = require("fs");
            const vm = require("vm");
            const context = vm.createContext({});
            vm.runInContext(fs.readFileSync(process.argv[2], "utf8"), context);
            process.stdout.write(JSON.stringify(vm.runInContext(process.argv[3], context)));
            """
        try harness.write(toFile: folder + "/harness.js", atomically: true, encoding: .utf8)
        return try JSONSerialization.jsonObject(with: try node([folder + "/harness.js", folder + "/model.js", expression]),
                                                options: [.fragmentsAllowed])
    }

    /// What node writes to standard output, run with `arguments`; throws if it fails.
    static func node(_ arguments: [String]) throws -> Data {
        let installed = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: "\($0)/node") }
        guard installed else { throw NodeMissing() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["node"] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw NodeFailure(status: process.terminationStatus) }
        return data
    }

    struct NodeFailure: Error { var status: Int32 }

    struct NodeMissing: Error, CustomStringConvertible {
        var description: String { "node is not on PATH: the runtime's flow is tested in node; `make test` installs it (apt-get install nodejs)" }
    }
}

extension Toolkit {
    func outcome(_ answers: Answers) -> NodeRunner.Outcome {
        let run = run(answers)
        return NodeRunner.Outcome(asked: run.asked, track: run.track, guidance: run.guidance)
    }
}
