import Foundation
import ToolkitBuild
import ToolkitModel
import ToolkitFlowMap
import ToolkitSite

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

    private let changes = NSLock()
    private var state = State()
    /// Open event streams (one per tab), told of each new build.
    private var listeners: [UUID: AsyncStream<Int?>.Continuation] = [:]
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

    private func isAllowed(_ request: PreviewRequest) -> Bool {
        guard checksHost, let value = request.host?.lowercased() else { return true }
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
    /// What each build keeps for the next, and the site the preview folder holds: a save redoes and
    /// rewrites only what it changed.
    private let memory = BuildMemory()
    private var written: Site?

    func rebuild(after change: FolderWatcher.Change?) {
        buildLock.lock()
        defer { buildLock.unlock() }
        let started = Date()
        let rendered = SiteBuild(folders: BuildFolders(content: content, theme: theme, output: folder), memory: memory).render()
        var outcome = rendered.outcome
        if let site = rendered.site {
            siteLock.lock()
            defer { siteLock.unlock() }
            do {
                try PreviewFolder.update(folder, from: written, to: site)
                written = site
            } catch {
                written = nil
                outcome.failure = "the preview could not be written: \(error)"
            }
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
        for listener in listeners.values { listener.yield(state.generation) }
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

    /// The current generation, then each new one as builds finish, and nil every `keepAlive` seconds
    /// when nothing has changed (so a tab that has gone is found when the write fails). Ends when the
    /// reader stops reading.
    func generations(keepAlive: Duration = .seconds(15)) -> AsyncStream<Int?> {
        AsyncStream { continuation in
            let id = UUID()
            changes.lock()
            listeners[id] = continuation
            continuation.yield(state.generation)
            changes.unlock()
            let ticker = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: keepAlive)
                    continuation.yield(nil)
                }
            }
            continuation.onTermination = { [weak self] _ in
                ticker.cancel()
                guard let self else { return }
                self.changes.lock()
                self.listeners[id] = nil
                self.changes.unlock()
            }
        }
    }

    func generationName(_ number: Int) -> String { generation(number) }

    // MARK: Requests

    func handle(_ request: PreviewRequest) -> PreviewReply {
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

    private func notFound(_ state: State) -> PreviewReply {
        .response(.init(status: 404, contentType: "text/html; charset=utf-8",
                        body: Array(PreviewPages.notFound(generation: generation(state.generation)).utf8), headers: noStore))
    }

    private func html(_ text: String) -> PreviewReply {
        .response(.init(status: 200, contentType: "text/html; charset=utf-8", body: Array(text.utf8), headers: noStore))
    }

    private func editorRoute(_ path: String) -> PreviewReply {
        let state = current
        switch path {
        case "/__toolkit/reload.js":
            return .response(.init(status: 200, contentType: "text/javascript; charset=utf-8",
                                   body: Array(PreviewPages.reloadScript.utf8), headers: noStore))
        case "/__toolkit/editor.css":
            return .response(.init(status: 200, contentType: "text/css; charset=utf-8",
                                   body: Array(PreviewPages.stylesheet.utf8), headers: noStore))
        case "/__toolkit/events":
            return .events
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
        let dot = FlowMap.dot(for: toolkit) { question in "/\(toolkit.id)/all-guidance.html#question-\(question.id)" }
        let map = (svg: try? Graphviz.svg(from: dot), dot: dot)
        maps = maps.filter { $0.key.hasPrefix("\(generation)/") }
        maps[key] = map
        return map
    }
}
