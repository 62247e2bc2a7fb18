#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Maps a request target to a file inside the site folder, and to nothing outside it.
///
/// Refused (the preview answers 404): `..` and `.` segments, hidden names, `%`-encoded dots and slashes
/// (decoded once, so a double-encoded `%252e` stays `%2e` and is refused), backslashes, NUL and control
/// characters, invalid UTF-8, and anything whose real path (symbolic links followed) is not inside the folder.
enum SitePath {
    enum Resolution: Equatable {
        case file(String)
        /// A folder asked for without its trailing slash: relative links in its index need the slash.
        case redirect(String)
        case notFound
    }

    static func resolve(_ target: String, in root: String) -> Resolution {
        let path = String(target.prefix { $0 != "?" && $0 != "#" })
        guard path.hasPrefix("/"), let decoded = percentDecoded(path) else { return .notFound }
        if decoded.contains("%") || decoded.contains("\\") { return .notFound }
        if decoded.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return .notFound }
        let segments = decoded.split(separator: "/").map(String.init)
        if segments.contains(where: { $0.hasPrefix(".") || $0.contains(":") }) { return .notFound }

        var candidate = ([root] + segments).joined(separator: "/")
        if isDirectory(candidate) {
            if !segments.isEmpty && !path.hasSuffix("/") {
                // Built from the checked segments, never from the raw target: `//host` must not become
                // a redirect to another site.
                var allowed = CharacterSet.urlPathAllowed
                allowed.remove("/")
                let encoded = segments.map { $0.addingPercentEncoding(withAllowedCharacters: allowed) ?? $0 }
                return .redirect("/" + encoded.joined(separator: "/") + "/")
            }
            candidate += "/index.html"
        }
        guard let real = realPath(candidate), let realRoot = realPath(root),
              real.hasPrefix(realRoot.hasSuffix("/") ? realRoot : realRoot + "/"), isRegularFile(real) else {
            return .notFound
        }
        return .file(real)
    }

    /// `%XX` sequences decoded once; nil for a malformed sequence or bytes that are not UTF-8.
    static func percentDecoded(_ text: String) -> String? {
        var bytes: [UInt8] = []
        let utf8 = Array(text.utf8)
        var i = 0
        while i < utf8.count {
            if utf8[i] == UInt8(ascii: "%") {
                guard i + 2 < utf8.count, let high = hexValue(utf8[i + 1]), let low = hexValue(utf8[i + 2]) else { return nil }
                bytes.append(high << 4 | low)
                i += 3
            } else {
                bytes.append(utf8[i])
                i += 1
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// The Content-Type for a file name.
    static func contentType(for path: String) -> String {
        let types = [
            "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8",
            "js": "text/javascript; charset=utf-8", "mjs": "text/javascript; charset=utf-8",
            "json": "application/json", "webmanifest": "application/manifest+json",
            "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg",
            "gif": "image/gif", "webp": "image/webp", "ico": "image/x-icon", "avif": "image/avif",
            "woff": "font/woff", "woff2": "font/woff2", "ttf": "font/ttf", "otf": "font/otf",
            "txt": "text/plain; charset=utf-8", "md": "text/plain; charset=utf-8", "xml": "application/xml",
            "pdf": "application/pdf", "map": "application/json", "dot": "text/vnd.graphviz; charset=utf-8",
            "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ]
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: ".") else { return "application/octet-stream" }
        return types[name[name.index(after: dot)...].lowercased()] ?? "application/octet-stream"
    }
}
