import Foundation

/// Markdown already rendered, kept by a preview that rebuilds on every save: a save changes one file's
/// text, so nearly every body the pages and scripts need is rendered already. `Markdown.html` is a pure
/// function of its text and glossary page, so a kept result is always the right one.
public final class MarkdownMemo: @unchecked Sendable {
    private struct Key: Hashable { var markdown: String; var glossaryPage: String }
    private var kept: [Key: String] = [:]
    /// What the current build used: all that the next build keeps, so edited-away text does not pile up.
    private var used: [Key: String] = [:]
    private let lock = NSLock()

    public init() {}

    /// The memo `Markdown.html` uses while a build renders inside `rendering(_:)`.
    @TaskLocal static var current: MarkdownMemo?

    /// Renders with this memo, then forgets what the render did not use.
    public func rendering<Value, Failure: Error>(_ work: () throws(Failure) -> Value) throws(Failure) -> Value {
        defer {
            lock.lock()
            kept = used
            used = [:]
            lock.unlock()
        }
        let result: Result<Value, Failure> = MarkdownMemo.$current.withValue(self) {
            do throws(Failure) { return .success(try work()) } catch { return .failure(error) }
        }
        return try result.get()
    }

    func html(_ markdown: String, glossaryPage: String, render: () -> String) -> String {
        let key = Key(markdown: markdown, glossaryPage: glossaryPage)
        lock.lock()
        if let html = kept[key] ?? used[key] {
            used[key] = html
            lock.unlock()
            return html
        }
        lock.unlock()
        let html = render()
        lock.lock()
        used[key] = html
        lock.unlock()
        return html
    }

    public var count: Int {
        lock.lock(); defer { lock.unlock() }
        return kept.count
    }
}
