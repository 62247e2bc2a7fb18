import Foundation

/// OpenSSH file signatures (`ssh-keygen -Y`), so that an IT team can check a copy of the site with
/// nothing but OpenSSH 8 or later, on any system, and the publisher signs with an ordinary SSH key.
enum SSHSignature {
    /// Binds a signature to its use: a signature made for anything else does not verify as a site's.
    static let namespace = "toolkit-site"

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Writes `file.sig` beside `file`.
    static func sign(_ file: String, key: String) throws {
        let result = try run(["-Y", "sign", "-f", key, "-n", namespace, file])
        guard result.status == 0 else {
            throw Failure(description: "ssh-keygen could not sign with \(key): \(result.errors.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
    }

    /// The principal of `allowedSigners` whose key made the signature of `file`; throws when none did,
    /// or the file is not what was signed.
    static func verify(_ file: String, signature: String, allowedSigners: String) throws -> String {
        let found = try run(["-Y", "find-principals", "-s", signature, "-f", allowedSigners])
        guard found.status == 0, let principal = found.output.split(separator: "\n").first.map(String.init) else {
            throw Failure(description: "the signature was not made by any key in \(allowedSigners)")
        }
        let checked = try run(["-Y", "verify", "-f", allowedSigners, "-I", principal, "-n", namespace, "-s", signature],
                              input: file)
        guard checked.status == 0 else {
            throw Failure(description: "the signature does not match \((file as NSString).lastPathComponent): "
                          + checked.errors.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return principal
    }

    private static func run(_ arguments: [String], input: String? = nil) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["ssh-keygen"] + arguments
        if let input { process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: input)) }
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch {
            throw Failure(description: "ssh-keygen (OpenSSH 8 or later) is needed: install openssh-client")
        }
        // ssh-keygen writes a few lines: reading both pipes to the end after it exits cannot block.
        process.waitUntilExit()
        let out = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let err = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        if process.terminationStatus == 127 { throw Failure(description: "ssh-keygen (OpenSSH 8 or later) is needed: install openssh-client") }
        return (process.terminationStatus, out, err)
    }
}
