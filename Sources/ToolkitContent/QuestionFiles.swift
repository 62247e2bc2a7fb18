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
        /// A folder whose name ends in .md, which is no question file.
        var isFolder = false
    }

    /// With `parsed`, a file whose bytes it already holds is not parsed again (the preview's rebuilds).
    static func read(_ paths: [String], reusing parsed: ParsedFiles? = nil) -> [Read] {
        let results = Results(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            results.store(readOne(paths[index], reusing: parsed), at: index)
        }
        return results.all
    }

    static func readOne(_ path: String, reusing parsed: ParsedFiles? = nil) -> Read {
        guard let data = FileManager.default.contents(atPath: path) else {
            var read = Read()
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
                read.isFolder = true
                return read
            }
            read.diagnostics.append(.error("the file cannot be read", at: SourceLocation(file: path, line: 1, column: 1)))
            return read
        }
        if let earlier = parsed?.reading(path, data) { return earlier }
        let read = parse(data, path: path)
        parsed?.keep(read, of: path, bytes: data)
        return read
    }

    private static func parse(_ data: Data, path: String) -> Read {
        var read = Read()
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
