/// Where a value came from, so a diagnostic can point an editor at it.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// A location for values built in memory (tests, generated toolkits).
    public static let unknown = SourceLocation(file: "<memory>", line: 0, column: 0)

    public func movedRight(by columns: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column + columns)
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}
