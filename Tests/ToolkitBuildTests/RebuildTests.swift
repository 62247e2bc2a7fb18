import Foundation
import Testing
import ToolkitBuild
import ToolkitMarkdown
import ToolkitSite

/// The preview's rebuilds keep work from one build to the next (`BuildMemory`) and write only what changed
/// (`PreviewFolder`). Both must give exactly the site a fresh build gives, after any kind of save.
@Suite("Rebuilds that keep work")
struct RebuildTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// A copy of the small fixture toolkit and of the theme, in a folder of its own.
    struct Workspace {
        let folder = NSTemporaryDirectory() + "toolkit-rebuild-" + UUID().uuidString
        var content: String { folder + "/content" }
        var theme: String { folder + "/theme" }
        var question: String { content + "/small/1-basics/01-old-data.md" }

        init() throws {
            let files = FileManager.default
            try files.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try files.copyItem(atPath: RebuildTests.root + "/Tests/Fixtures/serve/content", toPath: content)
            try files.copyItem(atPath: RebuildTests.root + "/theme", toPath: theme)
        }

        func build(_ memory: BuildMemory?) -> Site? {
            SiteBuild(folders: BuildFolders(content: content, theme: theme, output: folder + "/site"), today: nil,
                      memory: memory).render().site
        }

        func edit(_ path: String, _ change: (String) -> String) throws {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try change(text).write(toFile: path, atomically: false, encoding: .utf8)
        }

        func remove() { try? FileManager.default.removeItem(atPath: folder) }
    }

    /// The same paths with the same bytes, named when they differ.
    func expectSame(_ kept: Site?, _ fresh: Site?, _ step: String) {
        guard let kept, let fresh else {
            Issue.record("\(step): a build failed")
            return
        }
        #expect(kept.files.keys.sorted() == fresh.files.keys.sorted(), "\(step): the same files")
        for (path, bytes) in fresh.files where kept.files[path] != bytes {
            Issue.record("\(step): \(path) differs from a fresh build's")
        }
    }

    @Test("a build that keeps work gives the fresh build's site after each kind of save, and parses only what changed")
    func sameSiteAsAFreshBuild() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let memory = BuildMemory()

        expectSame(workspace.build(memory), workspace.build(nil), "first build")
        let parsedFirst = memory.parsed.parses
        #expect(parsedFirst == 2, "the fixture's two question files")

        #expect((memory.markdown?.parses ?? 0) > 0, "the first build parses the Markdown")
        expectSame(workspace.build(memory), workspace.build(nil), "nothing changed")
        #expect(memory.parsed.parses == parsedFirst, "an unchanged file is not parsed again")
        #expect(memory.markdown?.parses == 0, "unchanged Markdown is not parsed again")

        try workspace.edit(workspace.question) { $0.replacingOccurrences(of: "Is the data old?", with: "Is the data very old?") }
        let edited = workspace.build(memory)
        expectSame(edited, workspace.build(nil), "a question edited")
        #expect(memory.parsed.parses == parsedFirst + 1, "only the edited file is parsed again")
        #expect(memory.markdown?.parses == 0, "the edit changed no Markdown")
        let model = String(decoding: edited?.files["small/model.js"] ?? [], as: UTF8.self)
        #expect(model.contains("Is the data very old?"))

        let added = workspace.content + "/small/1-basics/03-shared.md"
        try FileManager.default.copyItem(atPath: workspace.question, toPath: added)
        try workspace.edit(added) { text in
            text.replacingOccurrences(of: "Is the data very old?", with: "Is the data shared?")
                .replacingOccurrences(of: "id: old-data", with: "id: shared")
        }
        expectSame(workspace.build(memory), workspace.build(nil), "a question added")

        try FileManager.default.removeItem(atPath: added)
        expectSame(workspace.build(memory), workspace.build(nil), "a question deleted")

        // The theme is kept only while none of its files changes.
        try workspace.edit(workspace.theme + "/assets/style.css") { $0 + "\n.rebuild-test { color: inherit; }\n" }
        let restyled = workspace.build(memory)
        expectSame(restyled, workspace.build(nil), "the theme's style sheet changed")
        let style = String(decoding: restyled?.files["assets/style.css"] ?? [], as: UTF8.self)
        #expect(style.contains(".rebuild-test"))
        try workspace.edit(workspace.theme + "/templates/footer.mustache") { $0 + "<!-- rebuild test -->\n" }
        expectSame(workspace.build(memory), workspace.build(nil), "a template changed")
    }

    @Test("the preview folder is updated in place: changed files written, removed files deleted, others untouched")
    func previewFolder() throws {
        let folder = NSTemporaryDirectory() + "toolkit-preview-folder-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var first = Site()
        first.files = ["index.html": Array("one".utf8), "a/kept.js": Array("kept".utf8), "a/gone.js": Array("gone".utf8)]
        try PreviewFolder.update(folder, from: nil, to: first)
        let keptPath = folder + "/a/kept.js"
        let before = try FileManager.default.attributesOfItem(atPath: keptPath)[.modificationDate] as? Date
        Thread.sleep(forTimeInterval: 0.02)

        var second = Site()
        second.files = ["index.html": Array("two".utf8), "a/kept.js": Array("kept".utf8), "b/new.js": Array("new".utf8)]
        try PreviewFolder.update(folder, from: first, to: second)
        let files = FileManager.default
        #expect(try String(contentsOfFile: folder + "/index.html", encoding: .utf8) == "two")
        #expect(try String(contentsOfFile: folder + "/b/new.js", encoding: .utf8) == "new")
        #expect(!files.fileExists(atPath: folder + "/a/gone.js"))
        let after = try files.attributesOfItem(atPath: keptPath)[.modificationDate] as? Date
        #expect(before == after, "a file that did not change is not written again")
    }
}
