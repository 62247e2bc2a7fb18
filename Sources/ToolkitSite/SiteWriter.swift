import Foundation

/// Writes a site beside the old one and swaps it in at the end, so a failed or interrupted build
/// leaves the previous site in place, and a reader of the folder sees the old site or the new one
/// whole at every moment.
public enum SiteWriter {
    public static func write(_ site: Site, to directory: String) throws {
        let files = FileManager.default
        let target = URL(fileURLWithPath: directory).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).new")
        let retired = parent.appendingPathComponent(".\(target.lastPathComponent).old")
        try removeLeftovers(of: target, retired: retired)
        try files.createDirectory(at: staging, withIntermediateDirectories: true)
        do {
            let paths = site.files.keys.sorted()
            for folder in Set(paths.map { staging.appendingPathComponent($0).deletingLastPathComponent() }) {
                try files.createDirectory(at: folder, withIntermediateDirectories: true)
            }
            // The files on every core: each is written on its own, and the kernel's copying is the cost.
            let failure = FirstFailure()
            DispatchQueue.concurrentPerform(iterations: paths.count) { index in
                do { try write(site.files[paths[index]]!, to: staging.appendingPathComponent(paths[index])) } catch { failure.keep(error) }
            }
            if let error = failure.error { throw error }
        } catch {
            try? files.removeItem(at: staging)
            throw error
        }
        if !files.fileExists(atPath: target.path) {
            try files.moveItem(at: staging, to: target)
        } else if DirectorySwap.exchange(staging.path, target.path) {
            // The old site is now at the staging path.
            try files.removeItem(at: staging)
        } else {
            // No atomic exchange here: two renames, with a moment between them when the folder is missing.
            try files.moveItem(at: target, to: retired)
            try files.moveItem(at: staging, to: target)
            try files.removeItem(at: retired)
        }
    }

    /// Writes the bytes where they are (a copy of each file first would hold the biggest page twice), with
    /// plain POSIX calls: Foundation's `Data.write` also syncs each file to the disk, which a site that is
    /// swapped in whole does not need, and which made writing 79 files wait on the disk 79 times.
    static func write(_ bytes: [UInt8], to url: URL) throws {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw WriteError(path: url.path, code: errno) }
        defer { close(descriptor) }
        try bytes.withUnsafeBytes { buffer in
            var written = 0
            while written < buffer.count {
                let result = Foundation.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result < 0, errno == EINTR { continue }
                guard result > 0 else { throw WriteError(path: url.path, code: errno) }
                written += result
            }
        }
    }

    /// A file of the site that could not be written, and the system's reason.
    struct WriteError: Error, CustomStringConvertible {
        var path: String
        var code: Int32
        var description: String { "cannot write \(path): \(String(cString: strerror(code)))" }
    }

    /// The first error of work done on several cores.
    private final class FirstFailure: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var error: Error?
        func keep(_ error: Error) {
            lock.lock(); defer { lock.unlock() }
            if self.error == nil { self.error = error }
        }
    }

    /// A build killed part way leaves `.site.new` (being written or just swapped out), or, with the
    /// two-rename fallback, `.site.old` and perhaps no `site`. Put the old site back if it is missing,
    /// then remove every `.site.*` folder, so none outlives the next build.
    static func removeLeftovers(of target: URL, retired: URL) throws {
        let files = FileManager.default
        let parent = target.deletingLastPathComponent()
        if !files.fileExists(atPath: target.path), files.fileExists(atPath: retired.path) {
            try files.moveItem(at: retired, to: target)
        }
        let prefix = ".\(target.lastPathComponent)."
        for name in (try? files.contentsOfDirectory(atPath: parent.path)) ?? [] where name.hasPrefix(prefix) {
            try files.removeItem(at: parent.appendingPathComponent(name))
        }
    }
}
