#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import Foundation
import ToolkitModel
import ToolkitSite

/// The live preview: builds into a preview folder (never site/), serves it on this machine, rebuilds when
/// a file in content/ or theme/ is saved, and reloads the open tabs.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site in a browser; it rebuilds and reloads each time you save a file.",
        discussion: """
            Open the address it prints in a browser. Leave it running while you edit: each time you save a file \
            in the content or theme folders, the site is rebuilt and the browser tab reloads on the same page. \
            When the content has errors, the browser shows them instead of the site. The editors' page, at \
            /__toolkit/, shows the warnings and a map of each toolkit's flow. Stop it with Ctrl-C.
            """)

    @ArgumentParser.Option(help: "The folder of toolkit content.") var content = "content"
    @ArgumentParser.Option(help: "The folder of templates and assets.") var theme = "theme"
    @ArgumentParser.Option(help: "The port to serve on (0 picks a free one).") var port = 8000
    @ArgumentParser.Option(help: "The address to serve on. Only a loopback address (127.x.x.x) unless --allow-remote is given.")
    var host = "127.0.0.1"
    @Flag(help: "Allow an address other machines can reach with --host (for example 0.0.0.0).") var allowRemote = false
    @ArgumentParser.Option(help: "Where to build the preview. The default is a temporary folder, removed when serve stops.")
    var previewFolder: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("the port must be between 0 and 65535") }
        let address = host == "localhost" ? "127.0.0.1" : host
        var parsed = in_addr()
        guard inet_pton(AF_INET, address, &parsed) == 1 else {
            throw ValidationError("'\(host)' is not an IPv4 address such as 127.0.0.1")
        }
        if !address.hasPrefix("127.") && !allowRemote {
            throw ValidationError("serving on \(host) would let other machines see the preview: add --allow-remote if you mean that")
        }
        if let previewFolder, URL(fileURLWithPath: previewFolder).standardizedFileURL == URL(fileURLWithPath: "site").standardizedFileURL {
            throw ValidationError("the preview is never built into site/: choose another --preview-folder, or leave it out")
        }
    }

    func run() throws {
        signal(SIGPIPE, SIG_IGN)
        // The port first, so that a port in use is said at once, not after a build.
        let server: HTTPServer
        do {
            server = try HTTPServer(host: host == "localhost" ? "127.0.0.1" : host, port: port)
        } catch {
            printError("toolkit: cannot serve on \(host):\(port): \(error). Stop the other preview, or try another port: 'toolkit serve --port \(port == 8000 ? 8001 : 8000)'")
            throw ExitCode.failure
        }

        let temporary = previewFolder == nil ? NSTemporaryDirectory() + "toolkit-preview-\(getpid())" : nil
        let folder = previewFolder ?? temporary! + "/site"
        if let temporary {
            try? FileManager.default.removeItem(atPath: temporary)
            try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        }
        // Ctrl-C or a terminate signal: remove the temporary preview and stop.
        var sources: [DispatchSourceSignal] = []
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if let temporary { try? FileManager.default.removeItem(atPath: temporary) }
                say("Stopped.")
                stopProcess()
            }
            source.resume()
            sources.append(source)
        }

        let session = PreviewSession(content: content, theme: theme, folder: folder,
                                     checksHost: !allowRemote, host: host == "localhost" ? "127.0.0.1" : host)
        say("Building the preview of \(content)/ ...")
        // Watching starts first, so that a save made during the first build is not missed.
        FolderWatcher(folders: [content, theme]).start { change in session.rebuild(after: change) }
        session.rebuild(after: nil)

        let address = "http://\(host == "0.0.0.0" || host == "localhost" ? "127.0.0.1" : host):\(server.port)/"
        say("Preview at \(address)")
        say("Editors' page (warnings, map of the flow) at \(address)__toolkit/")
        say("Watching \(content)/ and \(theme)/ for changes. Press Ctrl-C to stop.")
        withExtendedLifetime(sources) {
            server.run { request in session.handle(request) }
        }
    }
}

/// The preview's state: the last build, its diagnostics, and a generation number that open tabs
/// compare with to know when to reload.
final class PreviewSession: @unchecked Sendable {
    let content: String
    let theme: String
    let folder: String
    /// Tells this run of serve from an earlier one, so a tab open across a restart reloads.
    let instance = String(UInt32.random(in: 0...UInt32.max), radix: 36)

    private struct State {
        var generation = 0
        var diagnostics: [Diagnostic] = []
        var failure: String?
        var toolkits: [Toolkit] = []
        var builtAt = Date()
        var milliseconds = 0
    }

    private let changes = NSCondition()
    private var state = State()
    /// Held while the site folder is swapped, and while a file of it is read.
    private let siteLock = NSLock()
    private let mapLock = NSLock()
    private var maps: [String: (svg: String?, dot: String)] = [:]

    /// Answer only requests addressed to this machine by name or number: a web page elsewhere cannot then
    /// read the preview by pointing a name of its own at 127.0.0.1 (DNS rebinding).
    let checksHost: Bool
    let host: String

    init(content: String, theme: String, folder: String, checksHost: Bool = true, host: String = "127.0.0.1") {
        self.content = content
        self.theme = theme
        self.folder = folder
        self.checksHost = checksHost
        self.host = host
    }

    private func isAllowed(_ request: HTTPServer.Request) -> Bool {
        guard checksHost, let value = request.header("Host")?.lowercased() else { return true }
        let name = value.hasPrefix("[") ? String(value.prefix { $0 != "]" }) + "]" : String(value.prefix { $0 != ":" })
        return ["localhost", "127.0.0.1", "[::1]", host].contains(name)
    }

    private var current: State {
        changes.lock(); defer { changes.unlock() }
        return state
    }

    private func generation(_ number: Int) -> String { "\(instance)-\(number)" }

    // MARK: Building

    /// One build at a time: the watcher's and the first.
    private let buildLock = NSLock()

    func rebuild(after change: FolderWatcher.Change?) {
        buildLock.lock()
        defer { buildLock.unlock() }
        let started = Date()
        var outcome: SiteBuild.Outcome
        do {
            let folders = try Folders.parse(["--content", content, "--theme", theme, "--output", folder])
            let rendered = SiteBuild(folders: folders).render()
            outcome = rendered.outcome
            if let site = rendered.site {
                siteLock.lock()
                defer { siteLock.unlock() }
                do { try SiteWriter.write(site, to: folder) } catch { outcome.failure = "the preview could not be written: \(error)" }
            }
        } catch {
            outcome = SiteBuild.Outcome(failure: "\(error)")
        }
        let finished = Date()
        let milliseconds = Int(finished.timeIntervalSince(started) * 1000)

        changes.lock()
        state.generation += 1
        state.diagnostics = outcome.diagnostics
        state.failure = outcome.failure
        state.toolkits = outcome.toolkits
        state.builtAt = finished
        state.milliseconds = milliseconds
        changes.broadcast()
        changes.unlock()

        report(outcome, change: change, milliseconds: milliseconds, finished: finished)
    }

    private func report(_ outcome: SiteBuild.Outcome, change: FolderWatcher.Change?, milliseconds: Int, finished: Date) {
        let time = DateFormatter.localizedString(from: finished, dateStyle: .none, timeStyle: .medium)
        let errors = outcome.diagnostics.filter { $0.severity == .error }
        let warnings = outcome.diagnostics.count - errors.count
        var line = "\(time) "
        if let change {
            let what = change.paths.count == 1 ? change.paths[0] : "\(change.paths.count) files"
            let sinceSave = Int((finished.timeIntervalSince1970 - change.savedAt) * 1000)
            line += "\(what) changed: "
            line += outcome.failure == nil ? "rebuilt" : "not rebuilt"
            line += " in \(milliseconds) ms, tabs told to reload \(max(sinceSave, 0)) ms after the save"
        } else {
            line += outcome.failure == nil ? "built in \(milliseconds) ms" : "not built"
        }
        line += "; \(errors.count) error\(errors.count == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
        if warnings > 0 && errors.isEmpty { line += " (listed on the editors' page)" }
        say(line)
        for error in errors { printError(error.description) }
        if let failure = outcome.failure, errors.isEmpty { printError("toolkit: \(failure)") }
    }

    /// Blocks until the generation passes `seen`, or the timeout ends; returns the generation then.
    private func waitForChange(after seen: Int, timeout: TimeInterval) -> Int {
        changes.lock()
        defer { changes.unlock() }
        let deadline = Date().addingTimeInterval(timeout)
        while state.generation == seen {
            if !changes.wait(until: deadline) { break }
        }
        return state.generation
    }

    // MARK: Requests

    func handle(_ request: HTTPServer.Request) -> HTTPServer.Reply {
        guard isAllowed(request) else {
            return .response(.text(403, "This preview answers only addresses on this machine, such as http://127.0.0.1/"))
        }
        let path = String(request.target.prefix { $0 != "?" && $0 != "#" })
        if path == "/__toolkit" || path.hasPrefix("/__toolkit/") { return editorRoute(path) }
        let state = current
        if let failure = state.failure, looksLikePage(path) {
            let html = PreviewPages.errors(state.diagnostics, failure: failure, generation: generation(state.generation))
            return .response(.init(status: 200, contentType: "text/html; charset=utf-8", body: Array(html.utf8),
                                   headers: noStore + [("X-Toolkit-Preview", "content-errors")]))
        }
        siteLock.lock()
        let resolution = SitePath.resolve(request.target, in: folder)
        var bytes: [UInt8]?
        if case let .file(file) = resolution { bytes = FileManager.default.contents(atPath: file).map { [UInt8]($0) } }
        siteLock.unlock()

        switch resolution {
        case let .redirect(location):
            return .response(.init(status: 301, body: [], headers: [("Location", location)] + noStore))
        case let .file(file):
            guard var bytes else { return notFound(state) }
            let type = SitePath.contentType(for: file)
            if type.hasPrefix("text/html") {
                bytes = Array(PreviewPages.injectingReload(into: String(decoding: bytes, as: UTF8.self),
                                                           generation: generation(state.generation)).utf8)
            }
            return .response(.init(status: 200, contentType: type, body: bytes, headers: noStore))
        case .notFound:
            return notFound(state)
        }
    }

    private let noStore = [("Cache-Control", "no-store")]

    /// A request a browser makes for a page (not for a style sheet, script or image).
    private func looksLikePage(_ path: String) -> Bool {
        let last = path.split(separator: "/").last.map(String.init) ?? ""
        return path.hasSuffix("/") || last.hasSuffix(".html") || !last.contains(".")
    }

    private func notFound(_ state: State) -> HTTPServer.Reply {
        .response(.init(status: 404, contentType: "text/html; charset=utf-8",
                        body: Array(PreviewPages.notFound(generation: generation(state.generation)).utf8), headers: noStore))
    }

    private func html(_ text: String) -> HTTPServer.Reply {
        .response(.init(status: 200, contentType: "text/html; charset=utf-8", body: Array(text.utf8), headers: noStore))
    }

    private func editorRoute(_ path: String) -> HTTPServer.Reply {
        let state = current
        switch path {
        case "/__toolkit/reload.js":
            return .response(.init(status: 200, contentType: "text/javascript; charset=utf-8",
                                   body: Array(PreviewPages.reloadScript.utf8), headers: noStore))
        case "/__toolkit/editor.css":
            return .response(.init(status: 200, contentType: "text/css; charset=utf-8",
                                   body: Array(PreviewPages.stylesheet.utf8), headers: noStore))
        case "/__toolkit/events":
            return .stream(headers: [("Content-Type", "text/event-stream"), ("Cache-Control", "no-store")]) { connection in
                self.events(to: connection)
            }
        case "/__toolkit", "/__toolkit/":
            return html(PreviewPages.status(toolkits: state.toolkits, diagnostics: state.diagnostics, failure: state.failure,
                                            builtAt: state.builtAt, milliseconds: state.milliseconds,
                                            generation: generation(state.generation)))
        case "/__toolkit/map", "/__toolkit/map/":
            if state.toolkits.count == 1 {
                return .response(.init(status: 301, headers: [("Location", "/__toolkit/map/\(state.toolkits[0].id)")] + noStore))
            }
            return editorRoute("/__toolkit/")
        default:
            break
        }
        let mapPrefix = "/__toolkit/map/"
        guard path.hasPrefix(mapPrefix) else { return notFound(state) }
        var name = String(path.dropFirst(mapPrefix.count))
        var format = "html"
        for suffix in ["svg", "dot"] where name.hasSuffix("." + suffix) {
            format = suffix
            name = String(name.dropLast(suffix.count + 1))
        }
        guard let toolkit = state.toolkits.first(where: { $0.id == name }) else { return notFound(state) }
        let map = self.map(toolkit, generation: state.generation)
        switch format {
        case "dot":
            return .response(.init(status: 200, contentType: "text/vnd.graphviz; charset=utf-8", body: Array(map.dot.utf8), headers: noStore))
        case "svg":
            guard let svg = map.svg else {
                return .response(.text(404, Graphviz.notInstalled))
            }
            return .response(.init(status: 200, contentType: "image/svg+xml", body: Array(svg.utf8), headers: noStore))
        default:
            return html(PreviewPages.map(toolkit, svg: map.svg, dot: map.dot, hasErrors: state.diagnostics.hasErrors,
                                         generation: generation(state.generation)))
        }
    }

    /// The map of a toolkit, drawn once per build. Its questions link to the page with all their guidance.
    private func map(_ toolkit: Toolkit, generation: Int) -> (svg: String?, dot: String) {
        let key = "\(generation)/\(toolkit.id)"
        mapLock.lock()
        defer { mapLock.unlock() }
        if let map = maps[key] { return map }
        let dot = FlowGraph.dot(for: toolkit) { question in "/\(toolkit.id)/all-guidance.html#question-\(question.id)" }
        let map = (svg: try? Graphviz.svg(from: dot), dot: dot)
        maps = maps.filter { $0.key.hasPrefix("\(generation)/") }
        maps[key] = map
        return map
    }

    /// Server-sent events: `hello` with the current generation, then `reload` after each build.
    /// A comment every 15 seconds finds tabs that have gone.
    private func events(to connection: HTTPServer.Connection) {
        var seen = current.generation
        guard connection.write("retry: 1000\nevent: hello\ndata: \(generation(seen))\n\n") else { return }
        while true {
            let now = waitForChange(after: seen, timeout: 15)
            let sent = now == seen
                ? connection.write(": still here\n\n")
                : connection.write("event: reload\ndata: \(generation(now))\n\n")
            seen = now
            if !sent { return }
        }
    }
}

/// A line on the standard output, written at once (print is buffered when the output is a pipe).
func say(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}

private func stopProcess() -> Never { exit(0) }
