import Foundation
import Testing

@Suite("toolkit build --timings")
struct BuildTimingsTests {
    @Test("prints each step's time on one line, in the order the steps run, only when asked")
    func timings() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let arguments = ["build", "--content", packageRoot + "/content", "--theme", packageRoot + "/theme", "--output", folder + "/site"]
        let timed = try runToolkit(arguments + ["--timings"], in: folder)
        #expect(timed.status == 0, "\(timed.errors)")
        let line = try #require(timed.errors.split(separator: "\n").first { $0.hasPrefix("toolkit: load ") }, "\(timed.errors)")
        let steps = line.dropFirst("toolkit: ".count).split(separator: ", ").map { $0.split(separator: " ") }
        #expect(steps.map { String($0[0]) } == ["load", "markdown", "check", "theme", "render", "write"])
        #expect(steps.allSatisfy { $0.count == 3 && Int($0[1]) != nil && $0[2] == "ms" }, "\(line)")
        #expect(FileManager.default.fileExists(atPath: folder + "/site/index.html"))

        let plain = try runToolkit(arguments, in: folder)
        #expect(plain.status == 0, "\(plain.errors)")
        #expect(!plain.errors.contains("toolkit: load "))
    }
}
