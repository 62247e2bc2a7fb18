import Foundation
import Testing

/// `toolkit check` on broken content: the messages and their places must stay exactly as the golden
/// files say. After an intended change, `UPDATE_GOLDEN=1 swift test --filter ToolkitCommandTests`
/// rewrites them; read the difference before committing it.
@Suite("toolkit check")
struct CheckTests {
    static let folder = fixtures + "/check"
    /// Empty when the folder is missing, for the arguments below; `theCasesAreThere` then fails.
    static let cases: [String] = {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }()

    @Test("the golden cases are there: without them the test below would run no case and pass")
    func theCasesAreThere() throws {
        let found = try FileManager.default.contentsOfDirectory(atPath: Self.folder).filter { !$0.hasPrefix(".") }
        #expect(!found.isEmpty, "no cases in \(Self.folder)")
        for name in found {
            #expect(FileManager.default.fileExists(atPath: Self.folder + "/" + name + "/expected.txt"), "\(name) has no expected.txt")
        }
    }

    @Test("prints file:line:column, level, message and fix, as the golden file says", arguments: cases)
    func golden(_ name: String) throws {
        let folder = fixtures + "/check/" + name
        let result = try runToolkit(["check"], in: folder)
        let golden = folder + "/expected.txt"
        if updatingGoldenFiles { try result.errors.write(toFile: golden, atomically: true, encoding: .utf8) }
        try #expect(result.errors == goldenText(golden))
        #expect(result.output.isEmpty)
        try #expect(result.status == (goldenText(golden).contains(": error: ") ? 1 : 0))
    }

    @Test("--format json gives the same diagnostics for tools")
    func json() throws {
        let folder = fixtures + "/check/editorial"
        let result = try runToolkit(["check", "--format", "json"], in: folder)
        let golden = folder + "/expected.json"
        if updatingGoldenFiles { try result.output.write(toFile: golden, atomically: true, encoding: .utf8) }
        try #expect(result.output == goldenText(golden))
        let items = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]]
        #expect(items?.first?.keys.sorted() == ["column", "file", "fix", "line", "message", "severity"])
    }
}
