/// A problem found in content: where it is, what is wrong, and how to fix it.
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    /// How to fix it, in words an editor can act on.
    public var fix: String?

    public init(_ severity: Severity, at location: SourceLocation, _ message: String, fix: String? = nil) {
        self.severity = severity; self.location = location; self.message = message; self.fix = fix
    }

    public static func error(_ message: String, at location: SourceLocation, fix: String? = nil) -> Diagnostic {
        Diagnostic(.error, at: location, message, fix: fix)
    }

    public static func warning(_ message: String, at location: SourceLocation, fix: String? = nil) -> Diagnostic {
        Diagnostic(.warning, at: location, message, fix: fix)
    }

    /// `file:line:column: error: message. fix`, the form editors' tools understand.
    public var description: String {
        "\(location): \(severity.rawValue): \(message)" + (fix.map { ". \($0)" } ?? "")
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by file and position, so output is stable whatever order the checks ran in.
    public var sorted: [Diagnostic] {
        sorted { ($0.location, $0.message) < ($1.location, $1.message) }
    }
}

/// "Did you mean" for a misspelt id: the closest known id, if it is close enough.
///
/// Edit distance costs the product of the two lengths, so it is only worked out where it can be close
/// enough: never for a word longer than `longestSuggested` (a pasted paragraph is not a misspelt id), and
/// never against a candidate whose length alone differs by more than the distance allowed.
public func closestMatch(to word: String, in candidates: some Sequence<String>) -> String? {
    let length = word.count
    guard length <= longestSuggested else { return nil }
    let allowed = max(2, length / 3)
    var best: (String, Int)?
    for candidate in candidates {
        if abs(candidate.count - length) > allowed { continue }
        let distance = editDistance(word, candidate)
        if distance <= allowed, distance < (best?.1 ?? .max) { best = (candidate, distance) }
    }
    return best?.0
}

/// Ids are short words; beyond this many characters no suggestion is looked for.
let longestSuggested = 100

func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...max(b.count, 1) where j <= b.count {
            current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
