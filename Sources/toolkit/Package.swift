import ArgumentParser
import Foundation
import ToolkitBuild
import ToolkitModel
import ToolkitSite

/// `toolkit package --sign KEY`: the site as one signed zip, for IT teams who copy it to USB sticks and
/// shares and must be able to show it came unaltered from the publisher.
struct Package: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site and write it, with SHA256SUMS signed by KEY, as DIR/<toolkit>-<version>.zip.")

    @OptionGroup var folders: SourceFolders
    @Option(name: .customLong("sign"), help: "The publisher's OpenSSH private key (make one with ssh-keygen -t ed25519).")
    var key: String
    @Option(help: "The folder to write the zip file to.") var output = "."

    func run() throws {
        let (site, outcome) = SiteBuild(folders: BuildFolders(content: folders.content, theme: folders.theme)).render()
        DiagnosticPrinter.print(outcome.diagnostics)
        guard let site else {
            printError("toolkit: no package was written: \(outcome.failure ?? "the build failed")")
            throw ExitCode.failure
        }
        let name = Self.name(for: outcome.toolkits)
        let scratch = NSTemporaryDirectory() + "toolkit-package-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let staging = scratch + "/" + name
        do {
            try SiteWriter.write(site, to: staging)
            try SSHSignature.sign(staging + "/" + Checksums.manifestName, key: key)
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            let destination = URL(fileURLWithPath: output).appendingPathComponent(name + ".zip").standardizedFileURL.path
            // Written beside its final name and renamed over it, so the folder never holds half a zip file.
            let partial = URL(fileURLWithPath: output).appendingPathComponent(".\(name).zip.\(UUID().uuidString)").standardizedFileURL.path
            defer { try? FileManager.default.removeItem(atPath: partial) }
            try Self.zip(staging, to: partial)
            guard rename(partial, destination) == 0 else {
                throw SSHSignature.Failure(description: "could not write \(destination): \(String(cString: strerror(errno)))")
            }
            printError("toolkit: wrote \(destination) (\(site.files.count) files, \(Checksums.manifestName) signed)")
        } catch {
            printError("toolkit: no package was written: \(error)")
            throw ExitCode.failure
        }
    }

    /// `<toolkit>-<version>`, with anything but letters, digits, '.', '_' and '-' made a '-'.
    static func name(for toolkits: [Toolkit]) -> String {
        let raw = toolkits.map { "\($0.id)-\($0.version)" }.joined(separator: "+")
        return String(raw.map { $0.isASCII && ($0.isLetter || $0.isNumber || "._-+".contains($0)) ? $0 : "-" })
    }

    /// Zips the folder's contents (the site at the zip's root) with Info-ZIP's `zip`.
    static func zip(_ folder: String, to file: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // -X: no extra file attributes, -D: no folder entries; the same site gives the same list of files.
        process.arguments = ["zip", "-q", "-r", "-X", "-D", file, "."]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw SSHSignature.Failure(description: "zip failed (status \(process.terminationStatus)); is Info-ZIP's zip installed?")
        }
    }
}
