import Foundation

/// Compares a copied site with its `SHA256SUMS`: which listed files are missing, which differ, and which
/// files are there that the manifest does not list. The signature is checked elsewhere (by ssh-keygen).
public enum SiteVerifier {
    public struct Report: Equatable, Sendable {
        public var checked = 0
        public var missing: [String] = []
        public var altered: [String] = []
        public var extra: [String] = []
        /// Lines of SHA256SUMS that are not `<64 hex digits>  <path>`, by line number.
        public var unreadable: [Int] = []
        public var isIntact: Bool { missing.isEmpty && altered.isEmpty && extra.isEmpty && unreadable.isEmpty }
    }

    public enum Failure: Error, CustomStringConvertible {
        case noManifest(String)
        public var description: String {
            switch self {
            case let .noManifest(path):
                "\(path) has no \(Checksums.manifestName): this is not a site built by toolkit, or the manifest was deleted"
            }
        }
    }

    public static func verify(directory: String) throws -> Report {
        let root = URL(fileURLWithPath: directory).standardizedFileURL
        guard let manifest = FileManager.default.contents(atPath: root.appendingPathComponent(Checksums.manifestName).path) else {
            throw Failure.noManifest(directory)
        }
        var report = Report()
        var listed: [String: String] = [:]
        for (index, line) in String(decoding: manifest, as: UTF8.self).split(separator: "\n").enumerated() {
            // sha256sum writes "<hash>  <path>" (or "<hash> *<path>" in binary mode).
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].count == 64, parts[0].allSatisfy(\.isHexDigit) else {
                report.unreadable.append(index + 1); continue
            }
            var path = String(parts[1])
            if path.hasPrefix(" ") || path.hasPrefix("*") { path.removeFirst() }
            listed[path] = parts[0].lowercased()
        }
        for (path, expected) in listed.sorted(by: { $0.key < $1.key }) {
            guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) else {
                report.missing.append(path); continue
            }
            report.checked += 1
            if Checksums.digest(Array(data)) != expected { report.altered.append(path) }
        }
        let expected = Set(listed.keys).union([Checksums.manifestName, Checksums.signatureName])
        report.extra = files(under: root).filter { !expected.contains($0) }
        return report
    }

    /// Every file under the folder, hidden ones too, as paths relative to it, sorted.
    static func files(under root: URL) -> [String] {
        let keys: [URLResourceKey] = [.isRegularFileKey, .isDirectoryKey]
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: keys) else { return [] }
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        var found: [String] = []
        for case let url as URL in walker {
            let values = try? url.resourceValues(forKeys: Set(keys))
            if values?.isDirectory == true { continue }
            let path = url.standardizedFileURL.path
            found.append(path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path)
        }
        return found.sorted()
    }
}
