import Foundation
import Testing

@Suite("toolkit new")
struct NewTests {
    @Test("a new toolkit, part and question make content that passes the checks")
    func chain() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try copy(packageRoot + "/theme", to: folder + "/theme")

        let toolkit = try runToolkit(["new", "toolkit", "Data sharing"], in: folder)
        #expect(toolkit.status == 0, "\(toolkit.errors)")
        #expect(FileManager.default.fileExists(atPath: folder + "/content/data-sharing/toolkit.md"))
        #expect(FileManager.default.fileExists(atPath: folder + "/content/data-sharing/report.md"))
        #expect(toolkit.output.contains("toolkit new part"), "it says what to do next")
        let empty = try runToolkit(["check"], in: folder)
        #expect(empty.errors.contains("has no parts"))

        let part = try runToolkit(["new", "part", "lawfulness", "--in", "content/data-sharing"], in: folder)
        #expect(part.status == 0, "\(part.errors)")
        #expect(FileManager.default.fileExists(atPath: folder + "/content/data-sharing/1-lawfulness/part.md"))

        let question = try runToolkit(["new", "question", "lawful-basis", "--in", "content/data-sharing/1-lawfulness"], in: folder)
        #expect(question.status == 0, "\(question.errors)")
        let path = folder + "/content/data-sharing/1-lawfulness/01-lawful-basis.md"
        #expect(FileManager.default.fileExists(atPath: path))
        // Found without --in when there is only one part folder.
        let second = try runToolkit(["new", "question", "purpose"], in: folder)
        #expect(second.status == 0, "\(second.errors)")
        #expect(FileManager.default.fileExists(atPath: folder + "/content/data-sharing/1-lawfulness/02-purpose.md"))

        let check = try runToolkit(["check"], in: folder)
        #expect(check.status == 0, "\(check.errors)")
        #expect(check.errors.isEmpty, "no warnings either")
        let build = try runToolkit(["build"], in: folder)
        #expect(build.status == 0, "\(build.errors)")
    }

    @Test("never overwrites, and refuses an id already used in the toolkit")
    func refuses() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try runToolkit(["new", "toolkit", "demo"], in: folder)
        _ = try runToolkit(["new", "part", "basics", "--in", "content/demo"], in: folder)
        _ = try runToolkit(["new", "question", "first", "--in", "content/demo/1-basics"], in: folder)
        let path = folder + "/content/demo/1-basics/01-first.md"
        try "edited by hand".write(toFile: path, atomically: true, encoding: .utf8)

        let again = try runToolkit(["new", "question", "first", "--in", "content/demo/1-basics"], in: folder)
        #expect(again.status != 0)
        #expect(again.errors.contains("already used"))
        #expect(read(path) == "edited by hand")
        #expect(try runToolkit(["new", "part", "basics", "--in", "content/demo"], in: folder).status != 0)
        #expect(try runToolkit(["new", "toolkit", "demo"], in: folder).status != 0)
        #expect(read(folder + "/content/demo/toolkit.md").contains("title:"))
        let wrongFolder = try runToolkit(["new", "question", "second", "--in", "content/demo"], in: folder)
        #expect(wrongFolder.status != 0)
        #expect(wrongFolder.errors.contains("not a part folder"))
    }
}
