import Foundation

/// Ends the run when one input takes longer than the limit: a hang is a finding, and the input's
/// number is printed so it can be run again alone.
final class Watchdog: @unchecked Sendable {
    private let limit: Double
    private let lock = NSLock()
    private var current = (index: 0, since: Date())
    private var running = true

    init(limit: Double) { self.limit = limit }

    func begin(_ index: Int) { lock.withLock { current = (index, Date()) } }

    func stop() { lock.withLock { running = false } }

    func start() {
        Thread {
            while true {
                Thread.sleep(forTimeInterval: 0.5)
                let (running, index, since) = self.lock.withLock { (self.running, self.current.index, self.current.since) }
                if !running { return }
                if Date().timeIntervalSince(since) > self.limit {
                    say("hang: input \(index) has run for over \(self.limit) s; run it alone with --start \(index) --inputs 1")
                    exit(3)
                }
            }
        }.start()
    }
}

/// Writes a line straight to standard output, unbuffered, so progress shows as it happens and the last
/// line before a crash is not lost in a buffer.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
