/// The syntax tree of a condition on earlier answers. Parsed in Swift, evaluated in Swift,
/// and emitted as JavaScript: the browser never sees the source text.
public indirect enum Condition: Sendable, Hashable {
    /// `question = option`: the single answer is this option.
    case equals(Located<String>, Located<String>)
    /// `question in [a, b]`: the single answer is one of these options.
    case oneOf(Located<String>, [Located<String>])
    /// `question includes option`: the option is among the chosen answers.
    case includes(Located<String>, Located<String>)
    case not(Condition)
    case and(Condition, Condition)
    case or(Condition, Condition)

    /// Every `question op option` comparison, in source order.
    public var comparisons: [(question: Located<String>, options: [Located<String>], isIncludes: Bool)] {
        switch self {
        case let .equals(q, o): [(q, [o], false)]
        case let .oneOf(q, os): [(q, os, false)]
        case let .includes(q, o): [(q, [o], true)]
        case let .not(c): c.comparisons
        case let .and(a, b), let .or(a, b): a.comparisons + b.comparisons
        }
    }

    /// The ids of the questions the condition looks at.
    public var questionIDs: [String] {
        var seen = Set<String>()
        return comparisons.map(\.question.value).filter { seen.insert($0).inserted }
    }

    /// The condition written back as text, in the syntax an editor types.
    public var source: String {
        switch self {
        case let .equals(q, o): "\(q.value) = \(o.value)"
        case let .oneOf(q, os): "\(q.value) in [\(os.map(\.value).joined(separator: ", "))]"
        case let .includes(q, o): "\(q.value) includes \(o.value)"
        case let .not(.equals(q, o)): "\(q.value) != \(o.value)"
        // Brackets only where 'not' would otherwise take less than it did: the text reads back the same,
        // and never nests deeper than what the editor wrote (so it stays within the parser's limit).
        case let .not(c):
            switch c {
            case .and, .or: "not (\(c.source))"
            default: "not \(c.source)"
            }
        case let .and(a, b): "\(a.nested(in: "and")) and \(b.nested(in: "and"))"
        case let .or(a, b): "\(a.nested(in: "or")) or \(b.nested(in: "or"))"
        }
    }

    private func nested(in op: String) -> String {
        switch self {
        case .and where op == "and", .or where op == "or": source
        case .and, .or: "(\(source))"
        default: source
        }
    }
}
