import Foundation
import ToolkitChecks
import ToolkitContent
import ToolkitModel
import ToolkitSite
import ToolkitTestSupport

/// The small valid toolkit of the tests, with Welsh translations of three of its files, on disk (in /dev/shm,
/// memory, where there is one). Each input replaces one of its files, a source or a translation; the loader,
/// the checks and the script emitter then run over the folder, and every diagnostic must name the file, a
/// line and a column that exist.
final class LoaderTarget {
    let root: String
    static let slots = ["t/toolkit.md", "t/report.md", "t/1-basics/part.md", "t/1-basics/01-first.md",
                        "t/1-basics/02-second.md", "t/glossary.md", "t/toolkit.cy.md", "t/report.cy.md",
                        "t/1-basics/01-first.cy.md"]
    /// Three translations are enough to reach every path of the reader (simple files, the report's settings,
    /// a question with guidance); each more would make every input slower to load.
    static let files = Fixtures.translatedToolkit.filter { !$0.key.hasSuffix(".cy.md") || slots.contains($0.key) }

    init() throws {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm/" : NSTemporaryDirectory()
        root = base + "toolkit-fuzz-\(getpid())"
        try? FileManager.default.removeItem(atPath: root)
        for (path, text) in Self.files { try write(Array(text.utf8), to: path) }
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    /// The slot a corpus file fits, by its name; a question file (or its translation) for any other name.
    static func slot(for name: String) -> String {
        slots.first { ($0 as NSString).lastPathComponent == name }
            ?? (name.hasSuffix(".cy.md") ? "t/1-basics/01-first.cy.md" : "t/1-basics/01-first.md")
    }

    private func write(_ bytes: [UInt8], to path: String) throws {
        let url = URL(fileURLWithPath: root + "/" + path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    /// Problems with how the tool handled the input (never the input's own errors, which are expected).
    func run(_ bytes: [UInt8], in slot: String) throws -> [String] {
        let original = Self.files[slot].map { Array($0.utf8) }
        try write(bytes, to: slot)
        defer {
            if let original { try? write(original, to: slot) } else { try? FileManager.default.removeItem(atPath: root + "/" + slot) }
        }
        let loaded = ContentLoader.load(directory: root)
        var diagnostics = loaded.diagnostics
        for toolkit in loaded.toolkits {
            let checked = check(toolkit)
            diagnostics += checked
            // What the build would do next: the model as JavaScript.
            if !(loaded.diagnostics + checked).hasErrors { _ = ScriptEmitter.script(for: toolkit) }
        }
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(\.count)
        return diagnostics.compactMap { unlocated($0, mutated: root + "/" + slot, lineLengths: lines) }
    }

    /// Why a diagnostic does not point at a real place, or nil when it does.
    private func unlocated(_ d: Diagnostic, mutated: String, lineLengths: [Int]) -> String? {
        let at = d.location
        if d.message.isEmpty { return "empty message at \(at)" }
        guard at.file.hasPrefix(root), at.line >= 1, at.column >= 1 else { return "not located: \(d)" }
        guard at.file == mutated else { return nil }
        // A message may point just past the last line (a block never closed), or just past a line's end.
        guard at.line <= lineLengths.count + 1 else { return "line \(at.line) of \(lineLengths.count): \(d)" }
        if at.line <= lineLengths.count, at.column > lineLengths[at.line - 1] + 2 {
            return "column \(at.column) of a \(lineLengths[at.line - 1])-byte line: \(d)"
        }
        return nil
    }
}

/// Conditions alone: a failure points inside the text; a success reads back the same from its own
/// source, evaluates, and emits as JavaScript.
enum ConditionTarget {
    static func run(_ bytes: [UInt8], _ random: inout SeededRandom) -> [String] {
        let text = String(decoding: bytes, as: UTF8.self)
        switch ConditionParser.parse(text, at: SourceLocation(file: "c.md", line: 1, column: 1)) {
        case let .failure(failure):
            let column = failure.location.column
            if failure.message.isEmpty || failure.location.line != 1 || column < 1 || column > text.count + 1 {
                return ["condition error not located in the text: \(failure) for \(text.prefix(200))"]
            }
            return []
        case let .success(condition):
            guard case let .success(again) = ConditionParser.parse(condition.source), again.source == condition.source else {
                return ["the condition's source does not read back the same: \(condition.source.prefix(200))"]
            }
            if ScriptEmitter.function(condition).isEmpty { return ["no script for \(text.prefix(200))"] }
            // Answer the questions it names with the answers it names, at random.
            let named = condition.comparisons
            var answers: Answers = [:]
            for comparison in named where random.next() % 3 != 0 {
                let option = comparison.options[Int(random.next() % UInt64(comparison.options.count))].value
                answers[comparison.question.value] = comparison.isIncludes ? .any([option]) : .one(option)
            }
            _ = condition.holds(for: answers)
            return []
        }
    }
}
