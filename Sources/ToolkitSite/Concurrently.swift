import Dispatch

/// Work begun on another core at once, whose result is taken when it is needed: a build's steps that do
/// not depend on each other (the theme and the checks; an edition's pages and its scripts) overlap.
public final class Concurrently<Value>: @unchecked Sendable {
    private var value: Value?
    private let done = DispatchGroup()

    public init(_ work: @escaping () -> Value) {
        // The work is handed to one other thread and read back only after `done`: no two threads touch it at once.
        nonisolated(unsafe) let work = work
        DispatchQueue.global().async(group: done) { self.value = work() }
    }

    /// The work's result, once it is finished.
    public func result() -> Value {
        done.wait()
        return value!
    }
}
