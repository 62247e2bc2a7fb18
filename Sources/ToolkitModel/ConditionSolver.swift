/// Whether some answers make conditions hold, and which: the one search behind both the reachability
/// check (can this question be asked?) and the flow map (can the flow go from here to there?).
///
/// The caller says, question by question, which answers are possible at the point it asks about
/// (`allow`). The solver then tries those answers, only for the answers the conditions look at, and
/// evaluates in three values so that a branch stops as soon as its outcome is known.
public struct ConditionSolver: Sendable {
    /// What a condition can look at: a `one` question's answer, or whether an `any` question's option
    /// was chosen.
    public enum Variable: Sendable, Hashable {
        case answer(question: String)
        case includes(question: String, option: String)
    }

    /// Declared in the order the search tries them, which decides the example an error message shows.
    public enum Value: Sendable, Hashable, Comparable {
        /// A `one` question that was not asked has no answer.
        case notAsked
        case option(String)
        case chosen
        case notChosen
    }

    private var possible: [Variable: [Value]] = [:]
    private var kinds: [String: QuestionKind] = [:]

    public init() {}

    /// Which answers `question` may have: its options when it `canBeAsked`, and no answer when it
    /// `canBeSkipped`. An `any` question's options are then never chosen. Questions never allowed
    /// make every comparison with them false, as in the evaluator.
    public mutating func allow(_ question: Question, canBeAsked: Bool, canBeSkipped: Bool) {
        kinds[question.id] = question.kind
        switch question.kind {
        case .one:
            let answers = (canBeAsked ? question.options.map { Value.option($0.id) } : []) + (canBeSkipped ? [.notAsked] : [])
            possible[.answer(question: question.id)] = answers.sorted()
        case .any:
            for option in question.options {
                possible[.includes(question: question.id, option: option.id)] = canBeAsked ? [.chosen, .notChosen] : [.notChosen]
            }
        }
    }

    /// Answers (one per variable the conditions look at) under which all of `conditions` hold, or nil
    /// when none can. No conditions always hold.
    ///
    /// `budget` is how many partial answers the search may try; past it the conditions are taken as
    /// possible (with the answers tried so far). The reachability check uses it to stay fast on
    /// hostile content, at the cost of perhaps missing an unreachable question, never of reporting a
    /// reachable one.
    public func example(satisfying conditions: [Condition], budget: Int? = nil) -> [Variable: Value]? {
        var seen = Set<Variable>()
        let variables = conditions.flatMap(\.comparisons).flatMap { comparison in
            comparison.isIncludes
                ? comparison.options.map { Variable.includes(question: comparison.question.value, option: $0.value) }
                : [Variable.answer(question: comparison.question.value)]
        }.filter { possible[$0] != nil && seen.insert($0).inserted }
        var assignment: [Variable: Value] = [:]
        var remaining = budget ?? Int.max
        return search(conditions, variables[...], &assignment, &remaining) ? assignment : nil
    }

    public func isSatisfiable(_ conditions: [Condition]) -> Bool { example(satisfying: conditions) != nil }

    private func search(_ conditions: [Condition], _ rest: ArraySlice<Variable>, _ assignment: inout [Variable: Value],
                        _ budget: inout Int) -> Bool {
        budget -= 1
        if budget < 0 { return true }
        switch all(conditions, assignment) {
        case true?: return true
        case false?: return false
        case nil:
            guard let variable = rest.first else { return false }
            for value in possible[variable]! {
                assignment[variable] = value
                if search(conditions, rest.dropFirst(), &assignment, &budget) { return true }
            }
            assignment[variable] = nil
            return false
        }
    }

    private func all(_ conditions: [Condition], _ assignment: [Variable: Value]) -> Bool? {
        var outcome: Bool? = true
        for condition in conditions {
            switch evaluate(condition, assignment) {
            case false?: return false
            case nil: outcome = nil
            case true?: break
            }
        }
        return outcome
    }

    /// Three-valued: nil while a variable it needs is not yet assigned. A comparison with a question
    /// of the other kind, or one never allowed, never holds.
    private func evaluate(_ condition: Condition, _ assignment: [Variable: Value]) -> Bool? {
        func answer(_ question: String) -> Value? { assignment[.answer(question: question)] }
        switch condition {
        case let .equals(q, o):
            guard kinds[q.value] == .one else { return false }
            return answer(q.value).map { $0 == .option(o.value) }
        case let .oneOf(q, os):
            guard kinds[q.value] == .one else { return false }
            return answer(q.value).map { value in os.contains { value == .option($0.value) } }
        case let .includes(q, o):
            let variable = Variable.includes(question: q.value, option: o.value)
            guard kinds[q.value] == .any, possible[variable] != nil else { return false }
            return assignment[variable].map { $0 == .chosen }
        case let .not(c):
            return evaluate(c, assignment).map { !$0 }
        case let .and(a, b):
            let l = evaluate(a, assignment), r = evaluate(b, assignment)
            if l == false || r == false { return false }
            return l == true && r == true ? true : nil
        case let .or(a, b):
            let l = evaluate(a, assignment), r = evaluate(b, assignment)
            if l == true || r == true { return true }
            return l == false && r == false ? false : nil
        }
    }
}
