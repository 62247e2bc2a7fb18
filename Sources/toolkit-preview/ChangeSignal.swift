#if canImport(Glibc)
import Glibc
#endif
import Foundation
import ToolkitContent

/// Wakes the watcher as soon as something under its folders changes, instead of at its next look. On
/// Linux this is inotify: a save reaches the rebuild in a millisecond or two rather than after half a
/// polling interval. What changed is still found by comparing snapshots, so a missed or merged event can
/// only delay a rebuild, never lose one. Elsewhere (macOS, or when inotify is out of watches) `wait`
/// falls back to sleeping for the polling interval.
/// Used by the watcher's one thread only, after it is made.
final class ChangeSignal: @unchecked Sendable {
    #if canImport(Glibc)
    private var descriptor: Int32 = -1
    /// Watch descriptor -> the folder it watches, to name a folder created inside it.
    private var watched: [Int32: String] = [:]
    /// Files written to and not yet closed: a save is whole only when its writer closes the file.
    private var beingWritten: Set<String> = []
    #endif

    init(folders: [String]) {
        #if canImport(Glibc)
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        if descriptor >= 0 { for folder in folders { watchTree(folder) } }
        #endif
    }

    deinit {
        #if canImport(Glibc)
        if descriptor >= 0 { close(descriptor) }
        #endif
    }

    /// True when changes wake `wait` as they happen; false when it only sleeps.
    var isImmediate: Bool {
        #if canImport(Glibc)
        descriptor >= 0
        #else
        false
        #endif
    }

    /// Returns when something may have changed, or after `timeout` seconds. Then waits until the folders
    /// have been quiet for `quiet` seconds and every file written to has been closed (an editor may truncate
    /// a file and then write it, or save several files), for `longest` seconds at most.
    func wait(timeout: Double, quiet: Double, longest: Double) {
        #if canImport(Glibc)
        guard descriptor >= 0 else { usleep(useconds_t(timeout * 1_000_000)); return }
        guard drain(waiting: timeout) else { return }
        let deadline = Date().addingTimeInterval(longest)
        while Date() < deadline, drain(waiting: quiet) || !beingWritten.isEmpty {}
        beingWritten = []
        #else
        usleep(useconds_t(timeout * 1_000_000))
        #endif
    }

    #if canImport(Glibc)
    private let mask = UInt32(IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO
                              | IN_ATTRIB | IN_DELETE_SELF)

    /// Watches a folder and every folder under it that the loader reads.
    private func watchTree(_ folder: String) {
        let watch = inotify_add_watch(descriptor, folder, mask)
        guard watch >= 0 else { return }
        watched[watch] = folder
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where !IgnoredFiles.contains(name) {
            var isFolder: ObjCBool = false
            let path = folder + "/" + name
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue { watchTree(path) }
        }
    }

    /// Reads every pending event, waiting up to `seconds` for the first. True if there was one. A new
    /// folder is watched at once, so files saved into it next are seen too.
    private func drain(waiting seconds: Double) -> Bool {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, Int32(seconds * 1000)) > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return false }
        // A folder created or moved in: watch it and what is already inside it.
        var offset = 0
        let header = MemoryLayout<inotify_event>.size
        while offset + header <= count {
            let (watch, kind, length) = buffer.withUnsafeBytes { raw in
                let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                return (event.wd, event.mask, Int(event.len))
            }
            let nameBytes = buffer[(offset + header)..<(offset + header + length)].prefix { $0 != 0 }
            let name = String(decoding: nameBytes, as: UTF8.self)
            if length > 0, let parent = watched[watch], !IgnoredFiles.contains(name) {
                let path = parent + "/" + name
                if kind & UInt32(IN_ISDIR) != 0, kind & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { watchTree(path) }
                if kind & UInt32(IN_ISDIR) == 0 {
                    if kind & UInt32(IN_MODIFY) != 0 { beingWritten.insert(path) }
                    if kind & UInt32(IN_CLOSE_WRITE | IN_DELETE | IN_MOVED_FROM) != 0 { beingWritten.remove(path) }
                }
            }
            offset += header + length
        }
        return true
    }
    #endif
}
