import Foundation
import Testing

/// `toolkit serve` from outside, as a browser and an editor use it.
@Suite("toolkit serve")
struct ServeTests {
    /// A temporary copy of the small fixture and of the theme, served on a free port.
    struct Preview {
        let folder: String
        let server: RunningServer
        var content: String { folder + "/content" }
        var question: String { content + "/small/1-basics/01-old-data.md" }
        var preview: String { folder + "/preview" }

        init() throws {
            folder = temporaryFolder()
            try copy(fixtures + "/serve/content", to: folder + "/content")
            try copy(packageRoot + "/theme", to: folder + "/theme")
            server = try RunningServer(arguments: ["--preview-folder", folder + "/preview"], in: folder)
        }

        func get(_ target: String, method: String = "GET") throws -> HTTPReply {
            try RawHTTP.get(port: server.port, target, method: method)
        }

        func stop() {
            _ = server.stop()
            try? FileManager.default.removeItem(atPath: folder)
        }

        /// Rewrites a file as an editor's save does.
        func edit(_ path: String, _ change: (String) -> String) throws {
            try change(read(path)).write(toFile: path, atomically: false, encoding: .utf8)
        }
    }

    @Test("serves the site with the reload script, rebuilds on save, shows errors, and recovers")
    func editCycle() throws {
        let preview = try Preview()
        defer { preview.stop() }

        // The site, with the reload script in its pages only as served.
        let page = try preview.get("/small/questions.html")
        #expect(page.status == 200)
        #expect(page.headers["content-type"] == "text/html; charset=utf-8")
        #expect(page.body.contains("<script src=\"/__toolkit/reload.js\""))
        let onDisk = read(preview.preview + "/small/questions.html")
        #expect(onDisk.contains("<div id=\"app\""))
        #expect(!onDisk.contains("__toolkit"), "the reload script is never written into the built files")
        #expect(!FileManager.default.fileExists(atPath: preview.folder + "/site"), "serve never builds into site/")
        let script = try preview.get("/__toolkit/reload.js")
        #expect(script.status == 200)
        #expect(script.headers["content-type"]?.hasPrefix("text/javascript") == true)
        #expect(script.body.contains("EventSource"))
        #expect(try preview.get("/small/model.js").body.contains("Is the data old?"))
        #expect(try preview.get("/assets/style.css").headers["content-type"] == "text/css; charset=utf-8")
        #expect(try preview.get("/small").status == 301)
        #expect(try preview.get("/small/").body.contains("Small toolkit"))

        // Save a change: a reload event, then the new text.
        let events = try EventStream(port: preview.server.port)
        let first = try #require(events.next("hello", within: 10))
        let saved = Date()
        try preview.edit(preview.question) { $0.replacingOccurrences(of: "Is the data old?", with: "Is the data very old?") }
        let second = try #require(events.next("reload", within: 10), "a reload event after a save")
        #expect(second != first)
        let model = try preview.get("/small/model.js")
        let reloaded = Date().timeIntervalSince(saved)
        #expect(model.body.contains("Is the data very old?"))
        print("save to reload event and new page fetched: \(Int(reloaded * 1000)) ms")
        #expect(reloaded < 3, "save to reload should take well under a second on a quiet machine")

        // An editor's backup, swap and lock files, and Finder's .DS_Store, are not content: the watcher
        // starts no rebuild for them, and the loader leaves them out (the rebuilds below would fail).
        let part = (preview.question as NSString).deletingLastPathComponent
        for name in ["01-old-data.md~", "01-old-data.md.swp", ".01-old-data.md.swp", ".#01-old-data.md", ".DS_Store"] {
            try "not content".write(toFile: part + "/" + name, atomically: false, encoding: .utf8)
        }
        #expect(events.next("reload", within: 2) == nil, "backup files start no rebuild")

        // Break it: the error page, with file, line, message and fix, in place of every page.
        try preview.edit(preview.question) { $0.replacingOccurrences(of: "options: [yes, no]", with: "options: [yes, no]\nshow-if: nothing = yes") }
        #expect(events.next("reload", within: 10) != nil)
        let broken = try preview.get("/small/questions.html")
        #expect(broken.status == 200)
        #expect(broken.headers["x-toolkit-preview"] == "content-errors")
        #expect(broken.body.contains("The content has"))
        #expect(broken.body.contains("content/small/1-basics/01-old-data.md</code>, line 4, column 10"))
        #expect(broken.body.contains("&#39;show-if&#39; names a question &#39;nothing&#39; that does not exist"))
        #expect(broken.body.contains("How to fix it:"))
        #expect(broken.body.contains("<script src=\"/__toolkit/reload.js\""), "the error page reloads itself when fixed")
        #expect(try preview.get("/small/").body.contains("The content has"))
        #expect(try preview.get("/small/model.js").body.contains("Is the data very old?"), "scripts keep the last good site")
        #expect(try preview.get("/__toolkit/").body.contains("failed"))

        // Fix it: the site comes back.
        try preview.edit(preview.question) { $0.replacingOccurrences(of: "\nshow-if: nothing = yes", with: "") }
        #expect(events.next("reload", within: 10) != nil)
        let fixed = try preview.get("/small/questions.html")
        #expect(fixed.headers["x-toolkit-preview"] == nil)
        #expect(fixed.body.contains("<div id=\"app\""))
        #expect(!fixed.body.contains("The content has"))
    }

    @Test("refuses every path outside the site folder")
    func traversal() throws {
        let preview = try Preview()
        defer { preview.stop() }
        // A secret beside the site folder, and a link inside it that points out.
        try "TOP-SECRET".write(toFile: preview.folder + "/secret.txt", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: preview.preview + "/outside", withDestinationPath: preview.folder)
        try FileManager.default.createSymbolicLink(atPath: preview.preview + "/secret-link.txt",
                                                   withDestinationPath: preview.folder + "/secret.txt")
        let attempts = [
            "/../secret.txt", "/../../../../etc/passwd", "/small/../../secret.txt",
            "/..%2fsecret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/.%2e/secret.txt", "/%2e./secret.txt",
            "/%2e%2e%2fsecret.txt", "/small/%2e%2e/%2e%2e/secret.txt",
            "/%252e%252e/secret.txt", "/%252e%252e%252fsecret.txt", "/%25%32%65%25%32%65/secret.txt",
            "/..\\secret.txt", "/%5c..%5csecret.txt", "/small\\..\\..\\secret.txt",
            "//etc/passwd", "/etc/passwd", "/%2fetc%2fpasswd",
            "/outside/secret.txt", "/secret-link.txt", "/outside/",
            "/%00", "/small/index.html%00.js", "/%c0%ae%c0%ae/secret.txt", "/%ff", "/%", "/%zz",
            "/.hidden", "/small/.%2e/.%2e/secret.txt",
        ]
        for target in attempts {
            let reply = try preview.get(target)
            #expect(reply.status == 404 || reply.status == 400, "\(target) answered \(reply.status)")
            #expect(!reply.body.contains("TOP-SECRET"), "\(target) leaked the file")
            #expect(!reply.body.contains("root:"), "\(target) leaked /etc/passwd")
        }
        #expect(try preview.get("/secret.txt").status == 404)
        // A page elsewhere that points its own name at 127.0.0.1 is refused (DNS rebinding).
        let rebound = try RawHTTP.exchange(port: preview.server.port,
                                           Array("GET /small/index.html HTTP/1.1\r\nHost: evil.example:\(preview.server.port)\r\n\r\n".utf8))
        #expect(try RawHTTP.parse(rebound).status == 403)
        #expect(try preview.get("/small/index.html").status == 200, "the server still serves the site")
    }

    @Test("survives malformed requests")
    func malformed() throws {
        let preview = try Preview()
        defer { preview.stop() }
        let requests: [[UInt8]] = [
            Array("garbage\r\n\r\n".utf8),
            Array("GET\r\n\r\n".utf8),
            Array("GET /small/index.html\r\n\r\n".utf8),
            Array("GET small/index.html HTTP/1.1\r\n\r\n".utf8),
            Array("GET /small/index.html HTTP/9.9\r\n\r\n".utf8),
            Array("GET /a b HTTP/1.1\r\n\r\n".utf8),
            Array("GET / HTTP/1.1\r\nno colon here\r\n\r\n".utf8),
            Array("GET / HTTP/1.1\r\n".utf8) + Array(repeating: UInt8(ascii: "x"), count: 40_000) + Array("\r\n\r\n".utf8),
            [0, 1, 2, 255, 254, 13, 10, 13, 10],
            Array("GET /\u{1}/ HTTP/1.1\r\n\r\n".utf8),
            Array("GET / HTTP/1.1\r\nHost: x".utf8),  // never finished
            [],
        ]
        for request in requests {
            let answer = try RawHTTP.exchange(port: preview.server.port, request)
            if !answer.isEmpty {
                let status = try RawHTTP.parse(answer).status
                #expect((400..<500).contains(status), "\(String(decoding: request.prefix(40), as: UTF8.self)) answered \(status)")
            }
        }
        #expect(try preview.get("/", method: "POST").status == 405)
        #expect(try preview.get("/", method: "DELETE").status == 405)
        let head = try RawHTTP.get(port: preview.server.port, "/small/index.html", method: "HEAD")
        #expect(head.status == 200 && head.body.isEmpty)
        #expect(try preview.get("/small/index.html").status == 200, "the server still answers")
        #expect(preview.server.process.isRunning)
    }

    @Test("shows the map of the flow on the editors' page")
    func map() throws {
        let preview = try Preview()
        defer { preview.stop() }
        let editors = try preview.get("/__toolkit/")
        #expect(editors.status == 200)
        #expect(editors.body.contains("/__toolkit/map/small"))
        let map = try preview.get("/__toolkit/map/small")
        #expect(map.status == 200)
        try Graphviz.required()
        #expect(map.body.contains("<svg"))
        #expect(map.body.contains("all-guidance.html#question-deleted"), "a question links to its guidance")
        let dot = try preview.get("/__toolkit/map/small.dot")
        #expect(dot.body.contains("\"q:old-data\" -> \"q:deleted\" [label=\"Yes\""))
        #expect(try preview.get("/__toolkit/map/nothing").status == 404)
    }

    @Test("stops cleanly and removes its temporary preview")
    func stops() throws {
        let folder = temporaryFolder()
        try copy(fixtures + "/serve/content", to: folder + "/content")
        try copy(packageRoot + "/theme", to: folder + "/theme")
        let server = try RunningServer(arguments: [], in: folder)
        let temporary = NSTemporaryDirectory() + "toolkit-preview-\(server.process.processIdentifier)"
        #expect(FileManager.default.fileExists(atPath: temporary + "/site/small/index.html"))
        #expect(server.stop() == 0)
        #expect(!FileManager.default.fileExists(atPath: temporary))
        try? FileManager.default.removeItem(atPath: folder)
    }

    @Test("refuses an address other machines can reach unless told")
    func loopbackOnly() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let refused = try runToolkit(["serve", "--host", "0.0.0.0", "--port", "0"], in: folder)
        #expect(refused.status != 0)
        #expect(refused.errors.contains("--allow-remote"))
    }
}

enum Graphviz {
    static var installed: Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: "\($0)/dot") }
    }

    /// Fails the test, rather than skipping what needs Graphviz, when its `dot` is not on PATH.
    static func required() throws {
        try #require(installed, "Graphviz's dot is not on PATH: `make test` installs it (apt-get install graphviz)")
    }
}
