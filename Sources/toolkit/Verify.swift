import ArgumentParser
import Foundation
import ToolkitBuild
import ToolkitSite

/// `toolkit verify SITE`: is this copy complete, unaltered, and signed by the publisher?
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a copy of the site against its SHA256SUMS, and the publisher's signature of it.")

    @Argument(help: "The folder holding the copied site (the zip from 'toolkit package', unzipped).") var site: String
    @Option(help: "The publisher's allowed-signers file: the signature in SHA256SUMS.sig is checked against it.")
    var allowedSigners: String?

    func run() throws {
        let report: SiteVerifier.Report
        do { report = try SiteVerifier.verify(directory: site) } catch {
            print("toolkit: \(error)")
            throw ExitCode.failure
        }
        for path in report.missing { print("missing: \(path) is listed in \(Checksums.manifestName) but is not in the copy") }
        for path in report.altered { print("altered: \(path) is not the file the publisher listed (its SHA-256 differs)") }
        for path in report.extra { print("extra: \(path) is in the copy but not in \(Checksums.manifestName)") }
        for line in report.unreadable { print("unreadable: line \(line) of \(Checksums.manifestName) is not '<sha256>  <path>'") }
        var signed = true
        if let allowedSigners {
            let signature = (site as NSString).appendingPathComponent(Checksums.signatureName)
            if !FileManager.default.fileExists(atPath: signature) {
                print("not signed: there is no \(Checksums.signatureName), so nothing shows who made this copy")
                signed = false
            } else {
                do {
                    let principal = try SSHSignature.verify((site as NSString).appendingPathComponent(Checksums.manifestName),
                                                            signature: signature, allowedSigners: allowedSigners)
                    print("signature: good, \(Checksums.manifestName) was signed by \(principal)")
                } catch {
                    print("bad signature: \(error)")
                    signed = false
                }
            }
        } else {
            print("signature: not checked; give --allowed-signers FILE (from the publisher) to check it")
        }
        guard report.isIntact && signed else {
            print("toolkit: \(site) FAILS the check: do not use this copy; copy it again from the publisher's package")
            throw ExitCode.failure
        }
        print("toolkit: \(site) is complete and unaltered (\(report.checked) files match \(Checksums.manifestName))")
    }
}
