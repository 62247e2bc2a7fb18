import Foundation
import ToolkitTestSupport

/// What the mutations start from: every content file in the repository (the shipped toolkit, the check
/// fixtures, which hold examples of each mistake, and the toolkit translated into Welsh) and every
/// condition written in them.
struct Corpus {
    /// Each file with its name (`toolkit.md`, `part.md`, `01-x.md`...), which says which slot it fits.
    var files: [(name: String, bytes: [UInt8])] = []
    var conditions: [[UInt8]] = []

    init(repository: URL) {
        var named = Fixtures.translatedToolkit.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        for folder in ["content", "Tests/Fixtures/check", "Tests/Fixtures/welsh"] {
            let root = repository.appendingPathComponent(folder)
            let paths = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
            for path in paths.sorted() where path.hasSuffix(".md") && !path.hasSuffix("README.md") {
                if let text = try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8) { named.append((path, text)) }
            }
        }
        files = named.map { (($0.0 as NSString).lastPathComponent, Array($0.1.utf8)) }
        for (_, text) in named {
            for line in text.split(separator: "\n") {
                for key in ["show-if:", "when:"] where line.hasPrefix(key) {
                    conditions.append(Array(line.dropFirst(key.count).trimmingCharacters(in: .whitespaces).utf8))
                }
            }
        }
        conditions += ["a = yes", "not (a = yes or b in [x, y]) and c includes z", "a != b"].map { Array($0.utf8) }
    }
}
