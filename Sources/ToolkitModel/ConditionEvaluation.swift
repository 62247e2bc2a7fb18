extension Condition {
    /// Evaluates against the answers to questions actually asked. An unanswered question
    /// makes `=`, `in` and `includes` false.
    public func holds(for answers: Answers) -> Bool {
        switch self {
        case let .equals(q, o):
            if case let .one(value)? = answers[q.value] { return value == o.value }
            return false
        case let .oneOf(q, os):
            if case let .one(value)? = answers[q.value] { return os.contains { $0.value == value } }
            return false
        case let .includes(q, o):
            if case let .any(values)? = answers[q.value] { return values.contains(o.value) }
            return false
        case let .not(c): return !c.holds(for: answers)
        case let .and(a, b): return a.holds(for: answers) && b.holds(for: answers)
        case let .or(a, b): return a.holds(for: answers) || b.holds(for: answers)
        }
    }
}
