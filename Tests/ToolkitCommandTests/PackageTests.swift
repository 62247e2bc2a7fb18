import Foundation
import Testing

/// `toolkit package --sign` and `toolkit verify`: a signed copy verifies; a flipped byte, an added file,
/// a removed file, a manifest rewritten to match, or a stranger's key each fail with a message that
/// names the problem.
@Suite("toolkit package and verify")
struct PackageTests {
    /// A key pair, its allowed-signers file, and the package unzipped into a fresh copy.
    struct Signed {
        let folder: String
        var copy: String { folder + "/copy" }
        var allowedSigners: String { folder + "/allowed_signers" }

        init() throws {
            folder = temporaryFolder()
            try shell("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "publisher@example.org", "-f", "key"], in: folder)
            let publicKey = read(folder + "/key.pub").split(separator: " ").prefix(2).joined(separator: " ")
            try "publisher@example.org \(publicKey)\n".write(toFile: allowedSigners, atomically: true, encoding: .utf8)
            let packaged = try runToolkit(["package", "--sign", folder + "/key", "--output", folder + "/out",
                                           "--content", fixtures + "/serve/content", "--theme", packageRoot + "/theme"], in: folder)
            #expect(packaged.status == 0, "\(packaged.errors)")
            #expect(packaged.errors.contains("wrote \(folder)/out/small-2026.11.zip"), "\(packaged.errors)")
            try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
            try shell("unzip", ["-q", folder + "/out/small-2026.11.zip"], in: copy)
        }

        func verify(signers: String? = nil) throws -> Finished {
            try runToolkit(["verify", copy, "--allowed-signers", signers ?? allowedSigners], in: folder)
        }
    }

    @Test func aSignedPackageVerifies() throws {
        let signed = try Signed()
        #expect(FileManager.default.fileExists(atPath: signed.copy + "/SHA256SUMS.sig"))
        #expect(FileManager.default.fileExists(atPath: signed.copy + "/index.html"))
        let result = try signed.verify()
        #expect(result.status == 0)
        #expect(result.output.contains("signature: good, SHA256SUMS was signed by publisher@example.org"), "\(result.output)")
        // Every file of the copy but the manifest and its signature is listed in the manifest.
        let listed = try String(contentsOfFile: signed.copy + "/SHA256SUMS", encoding: .utf8).split(separator: "\n").count
        let files = FileManager.default.enumerator(atPath: signed.copy)!.compactMap { $0 as? String }
            .filter { path in
                var folder: ObjCBool = false
                FileManager.default.fileExists(atPath: signed.copy + "/" + path, isDirectory: &folder)
                return !folder.boolValue && !path.hasPrefix("SHA256SUMS")
            }
        #expect(listed == files.count && listed > 5)
        #expect(result.output.contains("is complete and unaltered (\(files.count) files match SHA256SUMS)"), "\(result.output)")
        // The README's steps for IT teams, with only OpenSSH and coreutils, agree.
        try shell("sh", ["-c", "ssh-keygen -Y verify -f ../allowed_signers -I publisher@example.org -n toolkit-site -s SHA256SUMS.sig < SHA256SUMS && sha256sum --check --quiet SHA256SUMS"], in: signed.copy)
    }

    @Test func oneFlippedByteFails() throws {
        let signed = try Signed()
        let path = signed.copy + "/small/model.js"
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes[100] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: path))
        let result = try signed.verify()
        #expect(result.status == 1)
        #expect(result.output.contains("altered: small/model.js is not the file the publisher listed (its SHA-256 differs)"), "\(result.output)")
        #expect(result.output.contains("FAILS the check"))
    }

    @Test func oneAddedFileFails() throws {
        let signed = try Signed()
        try "<script>steal()</script>".write(toFile: signed.copy + "/small/extra.html", atomically: true, encoding: .utf8)
        let result = try signed.verify()
        #expect(result.status == 1)
        #expect(result.output.contains("extra: small/extra.html is in the copy but not in SHA256SUMS"), "\(result.output)")
    }

    @Test func oneRemovedFileFails() throws {
        let signed = try Signed()
        try FileManager.default.removeItem(atPath: signed.copy + "/assets/style.css")
        let result = try signed.verify()
        #expect(result.status == 1)
        #expect(result.output.contains("missing: assets/style.css is listed in SHA256SUMS but is not in the copy"), "\(result.output)")
    }

    /// Whoever can change a file can change SHA256SUMS to match: only the signature catches that.
    @Test func aManifestRewrittenToMatchFailsTheSignature() throws {
        let signed = try Signed()
        try "changed".write(toFile: signed.copy + "/index.html", atomically: true, encoding: .utf8)
        try shell("sh", ["-c", "sha256sum $(cut -c67- SHA256SUMS) > SHA256SUMS.new && mv SHA256SUMS.new SHA256SUMS"], in: signed.copy)
        let result = try signed.verify()
        #expect(result.status == 1)
        #expect(!result.output.contains("altered:"), "the files match the rewritten manifest: \(result.output)")
        #expect(result.output.contains("bad signature: the signature does not match SHA256SUMS"), "\(result.output)")
    }

    @Test func aStrangersKeyFails() throws {
        let signed = try Signed()
        try shell("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "other", "-f", "other"], in: signed.folder)
        let other = read(signed.folder + "/other.pub").split(separator: " ").prefix(2).joined(separator: " ")
        try "publisher@example.org \(other)\n".write(toFile: signed.folder + "/other_signers", atomically: true, encoding: .utf8)
        let result = try signed.verify(signers: signed.folder + "/other_signers")
        #expect(result.status == 1)
        #expect(result.output.contains("bad signature: the signature was not made by any key in"), "\(result.output)")
    }

    @Test func withoutAllowedSignersTheFilesAreStillChecked() throws {
        let signed = try Signed()
        let result = try runToolkit(["verify", signed.copy], in: signed.folder)
        #expect(result.status == 0)
        #expect(result.output.contains("signature: not checked; give --allowed-signers FILE"), "\(result.output)")
    }
}

/// Runs a program and requires it to succeed.
func shell(_ program: String, _ arguments: [String], in folder: String) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [program] + arguments
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw ShellFailure(command: ([program] + arguments).joined(separator: " ")) }
}

struct ShellFailure: Error { var command: String }
