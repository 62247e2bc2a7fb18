/// A user's answers: one option id for a `one` question, a set of option ids for an `any` question.
public enum Answer: Sendable, Hashable {
    case one(String)
    case any(Set<String>)

    public var chosen: Set<String> {
        switch self {
        case let .one(id): [id]
        case let .any(ids): ids
        }
    }
}

public typealias Answers = [String: Answer]
