import ToolkitModel

/// A `SHA256SUMS` manifest of every file in the site, so an IT team can check that a copy on a USB stick
/// or a share is complete and unaltered with `sha256sum -c SHA256SUMS` (or PowerShell's Get-FileHash).
public enum Checksums {
    public static let manifestName = "SHA256SUMS"

    public static func manifest(for files: [String: [UInt8]]) -> [UInt8] {
        let lines = files.keys.sorted().filter { $0 != manifestName }.map { "\(hex(sha256(files[$0]!)))  \($0)\n" }
        return Array(lines.joined().utf8)
    }

    /// The signature of the manifest, made by `toolkit package` with `ssh-keygen -Y sign`.
    public static let signatureName = "SHA256SUMS.sig"

    /// The SHA-256 of the bytes, as lower-case hex, as `sha256sum` prints it.
    public static func digest(_ bytes: [UInt8]) -> String { hex(sha256(bytes)) }

    static func hex(_ bytes: [UInt8]) -> String { SHA256.hex(bytes) }

    /// SHA-256, from the model, where translation fingerprints use it too.
    static func sha256(_ message: [UInt8]) -> [UInt8] { SHA256.digest(message) }
}
