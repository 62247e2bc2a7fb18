#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import Foundation
import ToolkitBuild

/// `toolkit serve`: the live preview is a program of its own, `toolkit-preview`, so that building this
/// tool (for `make site`) does not build the web server library. This command runs it in its place,
/// with the same process id and the same arguments.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site in a browser; it rebuilds and reloads each time you save a file.",
        discussion: """
            Runs toolkit-preview, built beside this program by 'make serve' (or 'swift build --product \
            toolkit-preview'). Its options: --content, --theme, --port (default 8000), --host, --allow-remote, \
            --preview-folder, --header-timeout, --idle-timeout; 'toolkit-preview --help' explains them.
            """)

    @Argument(parsing: .captureForPassthrough, help: "Options for toolkit-preview.") var options: [String] = []

    func run() throws {
        let preview = Self.executableFolder().appendingPathComponent("toolkit-preview").path
        guard FileManager.default.isExecutableFile(atPath: preview) else {
            printError("toolkit: the preview is not built: run 'make serve', or 'swift build --product toolkit-preview' and try again")
            throw ExitCode.failure
        }
        let arguments = [preview] + options
        var pointers = arguments.map { strdup($0) } + [nil]
        execv(preview, &pointers)
        printError("toolkit: could not start \(preview): \(String(cString: strerror(errno)))")
        throw ExitCode.failure
    }

    /// The folder of this program's file (where SwiftPM puts its other products).
    static func executableFolder() -> URL {
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: me).deletingLastPathComponent()
    }
}
