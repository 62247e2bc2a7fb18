import ToolkitModel

/// How many partial answers one search may try. Past it the conditions are taken as possible: a check
/// may then miss an unreachable question, but never reports a reachable one, and stays fast.
let searchBudget = 5_000

extension Condition {
    static func all(_ conditions: [Condition]) -> Condition? {
        conditions.dropFirst().reduce(conditions.first) { result, next in result.map { .and($0, next) } }
    }
    static func any(_ conditions: [Condition]) -> Condition? {
        conditions.dropFirst().reduce(conditions.first) { result, next in result.map { .or($0, next) } }
    }
}

extension ConditionSolver {
    /// With the budget that keeps the checks fast.
    func example(_ conditions: [Condition]) -> [Variable: Value]? { example(satisfying: conditions, budget: searchBudget) }
}

private func describe(_ example: [ConditionSolver.Variable: ConditionSolver.Value]) -> String {
    example.map { variable, value -> (key: String, value: ConditionSolver.Value) in
        switch variable {
        case let .answer(question): (question, value)
        case let .includes(question, option): ("\(question) includes \(option)", value)
        }
    }.sorted { $0.key < $1.key }.map { key, value in
        switch value {
        case .chosen: key
        case .notChosen: "not (\(key))"
        case .notAsked: "'\(key)' is not asked"
        case let .option(option): "\(key) = \(option)"
        }
    }.joined(separator: " and ")
}

/// Every track can be chosen and some track is always chosen; every question can be asked;
/// every item of guidance can be shown.
func checkReachability(_ toolkit: Toolkit) -> [Diagnostic] {
    var possible = ConditionSolver()
    var diagnostics: [Diagnostic] = []

    // The conditions under which each question is asked (all must hold; none means always), so that
    // "q = x" can carry "q was asked" with it.
    var askedWhen: [String: [Condition]] = [:]

    /// Adds to each comparison the condition for its question to be asked (to `depth` levels): an answer
    /// implies its question was asked, so the meaning is unchanged while chains of conditions are seen.
    func expand(_ condition: Condition, depth: Int) -> Condition {
        guard depth > 0 else { return condition }
        switch condition {
        case let .equals(q, _), let .oneOf(q, _), let .includes(q, _):
            guard let asked = askedWhen[q.value].flatMap(Condition.all) else { return condition }
            return .and(condition, expand(asked, depth: depth - 1))
        case let .not(c): return .not(expand(c, depth: depth))
        case let .and(a, b): return .and(expand(a, depth: depth), expand(b, depth: depth))
        case let .or(a, b): return .or(expand(a, depth: depth), expand(b, depth: depth))
        }
    }

    func walk(_ parts: [Part], on path: [Condition]) {
        for question in parts.flatMap(\.questions) {
            let written = path + (question.showIf.map { [$0] } ?? [])
            let asked = written.map { expand($0, depth: 2) }
            askedWhen[question.id] = written
            let canBeAsked = possible.example(asked) != nil
            if !canBeAsked {
                diagnostics.append(.error("no answers lead to the question '\(question.id)'", at: question.location,
                                          fix: "its 'show-if' can never hold after the answers before it: change the condition or remove the question"))
            }
            // Never asked is impossible when it is always asked (no conditions).
            let canBeSkipped = Condition.all(asked).map { possible.example([.not($0)]) != nil } ?? false
            possible.allow(question, canBeAsked: canBeAsked, canBeSkipped: canBeSkipped)
            guard canBeAsked else { continue }
            for guidance in question.guidance {
                // Without a 'when', guidance is shown when the question is asked (it can be, here) and given
                // one of the guidance's answers. The conditions for asking it never look at the question
                // itself, so any of its options can follow them: no search is needed. Most guidance is so.
                if guidance.when == nil, guidance.answers.contains(where: { question.option($0.value) != nil }) { continue }
                // An `any` question's guidance for no answers is never shown.
                let answered: Condition? = question.kind == .one
                    ? .oneOf(Located(question.id), guidance.answers)
                    : Condition.any(guidance.answers.map { .includes(Located(question.id), $0) })
                let shown = answered.map { asked + [$0] + (guidance.when.map { [expand($0, depth: 2)] } ?? []) }
                if shown.flatMap(possible.example) == nil {
                    diagnostics.append(.error("no answers can show this guidance ('\(guidance.headline)')",
                                              at: guidance.location,
                                              fix: "its 'when' can never hold together with 'for': change or remove it"))
                }
            }
        }
    }

    walk(toolkit.openingParts, on: [])
    var noEarlierTrack: [Condition] = []
    for (index, track) in toolkit.tracks.enumerated() {
        if track.when == nil && index < toolkit.tracks.count - 1 {
            diagnostics.append(.error("the track '\(track.id)' has no 'when', so the tracks after it are never followed",
                                      at: track.location, fix: "give it a 'when', or move it last"))
        }
        let chosen = noEarlierTrack + (track.when.map { [$0] } ?? [])
        if possible.example(chosen) == nil {
            diagnostics.append(.error("no answers lead to the track '\(track.id)'", at: track.location,
                                      fix: "its 'when' never holds, or an earlier track is always chosen first"))
        }
        walk(track.parts, on: chosen)
        if let when = track.when { noEarlierTrack.append(.not(when)) }
    }
    if let last = toolkit.tracks.last, last.when != nil, !noEarlierTrack.isEmpty,
       let example = possible.example(noEarlierTrack) {
        diagnostics.append(.error("some answers lead to no track, for example when \(describe(example))", at: last.location,
                                  fix: "remove 'when' from the last track so it is followed when no other track applies, or widen the conditions"))
    }
    return diagnostics
}
