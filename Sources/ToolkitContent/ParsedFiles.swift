import Foundation
import ToolkitModel

/// Question files already parsed, kept by a preview that rebuilds on every save. A file whose bytes are
/// the same as last time is not parsed again, so a save costs the parse of the file that changed. Reading
/// the bytes is cheap; parsing them (YAML, sections, conditions) is what takes the time.
public final class ParsedFiles: @unchecked Sendable {
    private var entries: [String: (bytes: Data, read: QuestionFiles.Read)] = [:]
    private let lock = NSLock()
    private var parseCount = 0

    public init() {}

    func reading(_ path: String, _ bytes: Data) -> QuestionFiles.Read? {
        lock.lock(); defer { lock.unlock() }
        guard let entry = entries[path], entry.bytes == bytes else { return nil }
        return entry.read
    }

    func keep(_ read: QuestionFiles.Read, of path: String, bytes: Data) {
        lock.lock(); defer { lock.unlock() }
        entries[path] = (bytes, read)
        parseCount += 1
    }

    /// How many files it has parsed in all: tests use it to see that a rebuild parsed only what changed.
    public var parses: Int {
        lock.lock(); defer { lock.unlock() }
        return parseCount
    }

    /// Forgets files the last load did not read (deleted or renamed), so the memory stays the content's size.
    func keepOnly(_ paths: Set<String>) {
        lock.lock(); defer { lock.unlock() }
        entries = entries.filter { paths.contains($0.key) }
    }
}
