import Foundation
import ToolkitContent
import ToolkitMarkdown
import ToolkitSite

/// What one build keeps for the next, so that the preview's rebuild after a save redoes only the work the
/// save changed: question files parsed, Markdown parsed and rendered, and the theme while none of its files
/// changed.
/// The checks run in full every time: they look across files, and they are quick.
public final class BuildMemory: @unchecked Sendable {
    public let parsed = ParsedFiles()
    private var theme: (stamp: [String], theme: Theme)?
    private var documents: MarkdownDocuments?
    private let lock = NSLock()

    public init() {}

    /// The Markdown the last build parsed, with its HTML: the next parses only texts that changed.
    public var markdown: MarkdownDocuments? {
        get { lock.lock(); defer { lock.unlock() }; return documents }
        set { lock.lock(); defer { lock.unlock() }; documents = newValue }
    }

    /// The theme loaded before, if not one of its files has changed since (by name, size and time).
    func theme(in directory: String, load: () -> Result<Theme, DiagnosticList>) -> Result<Theme, DiagnosticList> {
        let stamp = Self.stamp(of: directory)
        lock.lock()
        if let kept = theme, kept.stamp == stamp { lock.unlock(); return .success(kept.theme) }
        lock.unlock()
        let loaded = load()
        lock.lock()
        if case let .success(fresh) = loaded { theme = (stamp, fresh) } else { theme = nil }
        lock.unlock()
        return loaded
    }

    /// Every file under the folder with its size and modification time, in name order.
    static func stamp(of directory: String) -> [String] {
        let files = FileManager.default
        return (files.enumerator(atPath: directory)?.compactMap { $0 as? String } ?? []).sorted().map { relative in
            let attributes = (try? files.attributesOfItem(atPath: directory + "/" + relative)) ?? [:]
            let size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            return "\(relative) \(size) \(modified)"
        }
    }
}
