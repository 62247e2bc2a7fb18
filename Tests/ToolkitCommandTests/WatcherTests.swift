import Foundation
import Testing
@testable import toolkit_preview

/// The preview's watcher: woken by the system on Linux, so a save is seen in milliseconds, including a
/// save into a folder made after watching began.
@Suite("Folder watcher")
struct WatcherTests {
    final class Changes: @unchecked Sendable {
        private var seen: [(paths: [String], at: Date)] = []
        private let lock = NSLock()
        func add(_ change: FolderWatcher.Change) { lock.lock(); seen.append((change.paths, Date())); lock.unlock() }
        /// The first change naming `path`, waiting up to `seconds` for it.
        func first(naming path: String, within seconds: Double) -> Date? {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                lock.lock()
                let found = seen.first { $0.paths.contains(path) }?.at
                lock.unlock()
                if let found { return found }
                Thread.sleep(forTimeInterval: 0.005)
            }
            return nil
        }
    }

    #if os(Linux)
    static let immediate = true
    #else
    static let immediate = false  // no inotify: the watcher polls, and this test's interval is long
    #endif

    @Test("sees a save at once, in an old folder and in one made after watching began", .enabled(if: immediate))
    func seesSaves() throws {
        let folder = NSTemporaryDirectory() + "toolkit-watch-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder + "/part", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let changes = Changes()
        // A polling interval far longer than the wait below: only the system's events can be that quick.
        FolderWatcher(folders: [folder], interval: 5).start { changes.add($0) }

        let file = folder + "/part/01-question.md"
        var saved = Date()
        try "question: One?".write(toFile: file, atomically: false, encoding: .utf8)
        let seen = try #require(changes.first(naming: file, within: 2), "the save is seen")
        #expect(seen.timeIntervalSince(saved) < 1, "seen without waiting for the next look")

        try FileManager.default.createDirectory(atPath: folder + "/new-part", withIntermediateDirectories: true)
        Thread.sleep(forTimeInterval: 0.1)
        let inNewFolder = folder + "/new-part/01-question.md"
        saved = Date()
        try "question: Two?".write(toFile: inNewFolder, atomically: false, encoding: .utf8)
        let seenNew = try #require(changes.first(naming: inNewFolder, within: 2), "a save in a new folder is seen")
        #expect(seenNew.timeIntervalSince(saved) < 1)

        // An editor's backup file changes nothing the watcher reports.
        try "backup".write(toFile: folder + "/part/01-question.md~", atomically: false, encoding: .utf8)
        #expect(changes.first(naming: folder + "/part/01-question.md~", within: 0.5) == nil)
    }
}
