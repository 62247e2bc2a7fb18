#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import ToolkitContent

/// Watches folders by comparing modification times: at once when the system says something changed
/// (inotify on Linux), and every `interval` seconds in any case. Polling is portable (macOS, network and
/// USB drives, where no event comes) and cheap for a few hundred files.
final class FolderWatcher: @unchecked Sendable {
    /// A file's modification time (to the nanosecond) and size.
    struct Stamp: Equatable {
        var modified: timespec
        var size: Int64

        static func == (a: Stamp, b: Stamp) -> Bool {
            a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec && a.size == b.size
        }

        var seconds: Double { Double(modified.tv_sec) + Double(modified.tv_nsec) / 1e9 }
    }

    /// What changed between two looks.
    struct Change {
        var paths: [String]
        /// When the newest change was saved (seconds since 1970), to measure save-to-reload time.
        var savedAt: Double
    }

    let folders: [String]
    let interval: Double

    init(folders: [String], interval: Double = 0.1) {
        self.folders = folders
        self.interval = interval
    }

    /// Calls `changed` on a background thread after each change, never twice at once.
    func start(_ changed: @escaping @Sendable (Change) -> Void) {
        let folders = folders, interval = interval
        // The first look is taken now, so a save made just after `start` returns is seen as a change.
        let first = Self.snapshot(folders)
        let signal = ChangeSignal(folders: folders)
        Thread.detachNewThread {
            var last = first
            while true {
                // Woken at once by the system where it can tell us (see ChangeSignal), and after a quiet
                // spell of 15 ms, so that a save written in two steps is seen whole.
                signal.wait(timeout: interval, quiet: 0.015, longest: 0.5)
                var now = Self.snapshot(folders)
                guard now != last else { continue }
                // Polling alone: let a save finish. Wait until two looks 40 ms apart agree (half a second
                // at most). With inotify the quiet spell above has done this already.
                if !signal.isImmediate {
                    for _ in 0..<12 {
                        usleep(40_000)
                        let again = Self.snapshot(folders)
                        if again == now { break }
                        now = again
                    }
                }
                let paths = Set(now.keys).union(last.keys).filter { now[$0] != last[$0] }.sorted()
                let savedAt = paths.compactMap { now[$0]?.seconds }.max() ?? Date().timeIntervalSince1970
                last = now
                changed(Change(paths: paths, savedAt: savedAt))
            }
        }
    }

    /// Every file under the folders, hidden files and editors' backup files left out, as the loader
    /// leaves them out (`IgnoredFiles`).
    static func snapshot(_ folders: [String]) -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        func visit(_ folder: String, depth: Int) {
            guard depth < 32, let directory = opendir(folder) else { return }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
                }
                if IgnoredFiles.contains(name) { continue }
                let path = folder + "/" + name
                var info = stat()
                guard stat(path, &info) == 0 else { continue }
                if (info.st_mode & S_IFMT) == S_IFDIR {
                    stamps[path + "/"] = Stamp(modified: timespec(), size: 0)
                    visit(path, depth: depth + 1)
                } else {
                    #if canImport(Glibc)
                    let modified = info.st_mtim
                    #else
                    let modified = info.st_mtimespec
                    #endif
                    stamps[path] = Stamp(modified: modified, size: Int64(info.st_size))
                }
            }
        }
        for folder in folders { visit(folder, depth: 0) }
        return stamps
    }
}
