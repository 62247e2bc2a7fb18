import Foundation

/// Writes a site beside the old one and swaps it in at the end, so a failed or interrupted build
/// leaves the previous site in place.
public enum SiteWriter {
    public static func write(_ site: Site, to directory: String) throws {
        let files = FileManager.default
        let target = URL(fileURLWithPath: directory).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).new")
        let retired = parent.appendingPathComponent(".\(target.lastPathComponent).old")
        // Leftovers of an interrupted build: if the swap stopped half way, put the old site back first.
        if !files.fileExists(atPath: target.path), files.fileExists(atPath: retired.path) {
            try files.moveItem(at: retired, to: target)
        }
        for leftover in [staging, retired] where files.fileExists(atPath: leftover.path) {
            try files.removeItem(at: leftover)
        }
        try files.createDirectory(at: staging, withIntermediateDirectories: true)
        do {
            for path in site.files.keys.sorted() {
                let url = staging.appendingPathComponent(path)
                try files.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(site.files[path]!).write(to: url)
            }
        } catch {
            try? files.removeItem(at: staging)
            throw error
        }
        if files.fileExists(atPath: target.path) { try files.moveItem(at: target, to: retired) }
        try files.moveItem(at: staging, to: target)
        try? files.removeItem(at: retired)
    }
}
