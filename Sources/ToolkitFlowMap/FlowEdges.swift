import ToolkitModel

/// Where the flow can go next from one place in a run of questions, and on what condition.
struct FlowEdge {
    enum Reason {
        /// Always the next question.
        case next
        /// Reached when the questions before it were skipped.
        case otherwise
        /// Reached when the condition holds (what is left of the next question's `show-if`).
        case condition(Condition)
    }
    /// nil for the run's end.
    var to: Question?
    var reason: Reason
}

/// Infers the edges of the flow map with the shared `ConditionSolver`.
struct FlowEdges {
    /// Each question id's first question, as the flow map draws one node per id.
    let questions: [String: Question]

    init(_ toolkit: Toolkit) {
        var questions: [String: Question] = [:]
        for question in toolkit.allQuestions where questions[question.id] == nil { questions[question.id] = question }
        self.questions = questions
    }

    /// The edges from `source` (nil for the run's start) to each question that can come after position
    /// `after` in `questions`: the next question, and past it while the questions met are asked only on a
    /// condition. A question skipped on the way has no answer, so a condition that needs its answer cannot
    /// hold: such edges are left out, and what remains of each condition labels the edge.
    func edges(from source: Question?, after: Int, in questions: [Question]) -> [FlowEdge] {
        var edges: [FlowEdge] = []
        var skipped = Set<String>()
        /// What must hold: the source was asked, and every question passed over so far was skipped.
        var skipping: [Condition] = source?.showIf.map { [$0] } ?? []
        func possible(_ conditions: [Condition]) -> Bool {
            solver(unanswered: skipped, answered: source?.id, for: conditions).isSatisfiable(conditions)
        }
        for next in questions.dropFirst(after + 1) {
            switch next.showIf.map({ simplify($0, unanswered: skipped) }) ?? .known(true) {
            case .known(false):
                break
            case .known(true):
                return edges + [FlowEdge(to: next, reason: skipped.isEmpty ? .next : .otherwise)]
            case let .unknown(condition) where !possible(skipping + [.not(condition)]):
                // Whenever the flow gets here, the condition holds: the question is always asked next.
                return edges + [FlowEdge(to: next, reason: skipped.isEmpty ? .next : .otherwise)]
            case let .unknown(condition):
                if possible(skipping + [condition]) { edges.append(FlowEdge(to: next, reason: .condition(condition))) }
                skipping.append(.not(condition))
                if !possible(skipping) { return edges }
            }
            skipped.insert(next.id)
        }
        return edges + [FlowEdge(to: nil, reason: skipped.isEmpty ? .next : .otherwise)]
    }

    /// The answers possible when the `unanswered` questions were skipped and `answered` was asked, for
    /// the questions the conditions look at.
    private func solver(unanswered: Set<String>, answered: String?, for conditions: [Condition]) -> ConditionSolver {
        var solver = ConditionSolver()
        for id in Set(conditions.flatMap(\.questionIDs)) {
            guard let question = questions[id] else { continue }
            solver.allow(question, canBeAsked: !unanswered.contains(id), canBeSkipped: answered != id)
        }
        return solver
    }

    private enum Partial {
        case known(Bool)
        case unknown(Condition)
    }

    /// What is left of a condition when the `unanswered` questions were skipped: a comparison with a
    /// question not asked never holds (so `!=` always does).
    private func simplify(_ condition: Condition, unanswered: Set<String>) -> Partial {
        switch condition {
        case let .equals(q, _), let .oneOf(q, _), let .includes(q, _):
            return unanswered.contains(q.value) ? .known(false) : .unknown(condition)
        case let .not(inner):
            switch simplify(inner, unanswered: unanswered) {
            case let .known(value): return .known(!value)
            case let .unknown(rest): return .unknown(.not(rest))
            }
        case let .and(a, b):
            switch (simplify(a, unanswered: unanswered), simplify(b, unanswered: unanswered)) {
            case (.known(false), _), (_, .known(false)): return .known(false)
            case (.known(true), let other), (let other, .known(true)): return other
            case let (.unknown(x), .unknown(y)): return .unknown(.and(x, y))
            }
        case let .or(a, b):
            switch (simplify(a, unanswered: unanswered), simplify(b, unanswered: unanswered)) {
            case (.known(true), _), (_, .known(true)): return .known(true)
            case (.known(false), let other), (let other, .known(false)): return other
            case let (.unknown(x), .unknown(y)): return .unknown(.or(x, y))
            }
        }
    }
}
