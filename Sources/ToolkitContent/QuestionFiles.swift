import Dispatch
import Foundation
import ToolkitModel

/// Reads question files in parallel. Question files do not depend on one another until the checks, so a
/// part's files are read and parsed on every core at once.
enum QuestionFiles {
    struct Read: Sendable {
        var question: Question?
        var diagnostics: [Diagnostic] = []
        var lawDates: [LawDates] = []
    }

    static func read(_ paths: [String]) -> [Read] {
        let results = Results(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            results.store(readOne(paths[index]), at: index)
        }
        return results.all
    }

    static func readOne(_ path: String) -> Read {
        var read = Read()
        guard let data = FileManager.default.contents(atPath: path) else {
            read.diagnostics.append(.error("the file cannot be read", at: SourceLocation(file: path, line: 1, column: 1)))
            return read
        }
        guard let text = String(data: data, encoding: .utf8) else {
            read.diagnostics.append(.error("the file is not UTF-8 text", at: SourceLocation(file: path, line: 1, column: 1),
                                           fix: "save the file as UTF-8"))
            return read
        }
        switch SectionedFile.parse(text, path: path) {
        case let .success(file):
            read.question = QuestionReader.read(file, defaultID: ContentLoader.id(fromName: path), lawDates: &read.lawDates,
                                                diagnostics: &read.diagnostics)
        case let .failure(diagnostic):
            read.diagnostics.append(diagnostic)
        }
        return read
    }

    /// One slot per file, each written once by the worker that read it.
    private final class Results: @unchecked Sendable {
        private var slots: [Read]
        private let lock = NSLock()
        init(count: Int) { slots = Array(repeating: Read(), count: count) }
        func store(_ read: Read, at index: Int) {
            lock.lock(); defer { lock.unlock() }
            slots[index] = read
        }
        var all: [Read] { slots }
    }
}
