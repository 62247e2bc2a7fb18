import Foundation
import ToolkitModel

/// A `SHA256SUMS` manifest of every file in the site, so an IT team can check that a copy on a USB stick
/// or a share is complete and unaltered with `sha256sum -c SHA256SUMS` (or PowerShell's Get-FileHash).
public enum Checksums {
    public static let manifestName = "SHA256SUMS"

    public static func manifest(for files: [String: [UInt8]]) -> [UInt8] {
        let paths = files.keys.sorted().filter { $0 != manifestName }
        // Each file's digest on its own core: they are independent, and hashing is all arithmetic.
        let lines = Slots(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            lines.store("\(hex(sha256(files[paths[index]]!)))  \(paths[index])\n", at: index)
        }
        return Array(lines.all.joined().utf8)
    }

    /// The signature of the manifest, made by `toolkit package` with `ssh-keygen -Y sign`.
    public static let signatureName = "SHA256SUMS.sig"

    /// The SHA-256 of the bytes, as lower-case hex, as `sha256sum` prints it.
    public static func digest(_ bytes: [UInt8]) -> String { hex(sha256(bytes)) }

    static func hex(_ bytes: [UInt8]) -> String { SHA256.hex(bytes) }

    /// One line per file, each written once by the worker that hashed it.
    private final class Slots: @unchecked Sendable {
        private var lines: [String]
        private let lock = NSLock()
        init(count: Int) { lines = Array(repeating: "", count: count) }
        func store(_ line: String, at index: Int) {
            lock.lock(); defer { lock.unlock() }
            lines[index] = line
        }
        var all: [String] { lines }
    }

    /// SHA-256, from the model, where translation fingerprints use it too.
    static func sha256(_ message: [UInt8]) -> [UInt8] { SHA256.digest(message) }
}
