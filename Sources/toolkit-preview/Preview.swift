#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import Foundation
import ToolkitBuild

/// The live preview: builds into a preview folder (never site/), serves it on this machine, rebuilds when
/// a file in content/ or theme/ is saved, and reloads the open tabs. A program of its own, so that the web
/// server library is built only for `make serve`; `toolkit serve` hands over to it.
@main
struct Preview: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "toolkit-preview",
        abstract: "Preview the site in a browser; it rebuilds and reloads each time you save a file.",
        discussion: """
            Open the address it prints in a browser. Leave it running while you edit: each time you save a file \
            in the content or theme folders, the site is rebuilt and the browser tab reloads on the same page. \
            When the content has errors, the browser shows them instead of the site. The editors' page, at \
            /__toolkit/, shows the warnings and a map of each toolkit's flow. Stop it with Ctrl-C.
            """)

    @Option(help: "The folder of toolkit content.") var content = "content"
    @Option(help: "The folder of templates and assets.") var theme = "theme"
    @Option(help: "The port to serve on (0 picks a free one).") var port = 8000
    @Option(help: "The address to serve on. Only a loopback address (127.x.x.x) unless --allow-remote is given.")
    var host = "127.0.0.1"
    @Flag(help: "Allow an address other machines can reach with --host (for example 0.0.0.0).") var allowRemote = false
    @Option(help: "Where to build the preview. The default is a temporary folder, removed when serve stops.")
    var previewFolder: String?
    @Option(help: "Seconds a connection has, from opening, to send a whole request head; not extended by each byte.")
    var headerTimeout = 10
    @Option(help: "Seconds a kept-alive connection has, after a response, to send the next request head.")
    var idleTimeout = 30

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("the port must be between 0 and 65535") }
        guard headerTimeout > 0, idleTimeout > 0 else { throw ValidationError("the timeouts must be at least 1 second") }
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

    func run() async throws {
        let address = host == "localhost" ? "127.0.0.1" : host
        let temporary = previewFolder == nil ? NSTemporaryDirectory() + "toolkit-preview-\(getpid())" : nil
        let folder = previewFolder ?? temporary! + "/site"
        if let temporary {
            try? FileManager.default.removeItem(atPath: temporary)
            try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        }
        // Ctrl-C or a terminate signal: remove the temporary preview and stop at once. Open event streams
        // never end by themselves, so a graceful shutdown that waited for them would never finish.
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
                                     checksHost: !allowRemote, host: address)
        say("Building the preview of \(content)/ ...")
        // Watching starts first, so that a save made during the first build is not missed.
        FolderWatcher(folders: [content, theme]).start { change in session.rebuild(after: change) }
        session.rebuild(after: nil)

        let (content, theme, host, port) = (self.content, self.theme, self.host, self.port)
        let limits = PreviewServer.Limits(header: .seconds(Int64(headerTimeout)), idle: .seconds(Int64(idleTimeout)))
        do {
            try await PreviewServer.run(session: session, host: address, port: port, limits: limits) { bound in
                let shown = "http://\(host == "0.0.0.0" || host == "localhost" ? "127.0.0.1" : host):\(bound)/"
                say("Preview at \(shown)")
                say("Editors' page (warnings, map of the flow) at \(shown)__toolkit/")
                say("Watching \(content)/ and \(theme)/ for changes. Press Ctrl-C to stop.")
            }
        } catch {
            if let temporary { try? FileManager.default.removeItem(atPath: temporary) }
            printError("toolkit: cannot serve on \(host):\(port): \(PreviewServer.describe(error)). Stop the other preview, or try another port: 'toolkit serve --port \(port == 8000 ? 8001 : 8000)'")
            throw ExitCode.failure
        }
        withExtendedLifetime(sources) {}
    }
}

/// Outside the command type, whose own static `exit` would hide the C library's.
private func stopProcess() -> Never { exit(0) }
