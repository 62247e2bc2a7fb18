import Foundation
import Testing

/// `toolkit check` on broken content: the messages and their places must stay exactly as the golden
/// files say. After an intended change, `UPDATE_GOLDEN=1 swift test --filter ToolkitCommandTests`
/// rewrites them; read the difference before committing it.
@Suite("toolkit check")
struct CheckTests {
    static let cases: [String] = {
        let folder = fixtures + "/check"
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }()

    @Test("prints file:line:column, level, message and fix, as the golden file says", arguments: cases)
    func golden(_ name: String) throws {
        let folder = fixtures + "/check/" + name
        let result = try runToolkit(["check"], in: folder)
        let golden = folder + "/expected.txt"
        if updatingGoldenFiles { try result.errors.write(toFile: golden, atomically: true, encoding: .utf8) }
        #expect(result.errors == read(golden))
        #expect(result.output.isEmpty)
        #expect(result.status == (read(golden).contains(": error: ") ? 1 : 0))
    }

    @Test("--format json gives the same diagnostics for tools")
    func json() throws {
        let folder = fixtures + "/check/editorial"
        let result = try runToolkit(["check", "--format", "json"], in: folder)
        let golden = folder + "/expected.json"
        if updatingGoldenFiles { try result.output.write(toFile: golden, atomically: true, encoding: .utf8) }
        #expect(result.output == read(golden))
        let items = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]]
        #expect(items?.first?.keys.sorted() == ["column", "file", "fix", "line", "message", "severity"])
    }
}
