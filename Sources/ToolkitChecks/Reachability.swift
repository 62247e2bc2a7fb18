import ToolkitModel

/// What answers are possible, question by question, without walking every path.
///
/// Each question's answer is treated as free within what is possible so far. That over-approximates
/// (two answers that never occur together may both look possible), so a question reported unreachable
/// truly is, while some unreachable ones may go unreported. The work grows with the number of questions
/// times the size of each condition, never with the number of paths.
struct Possibilities {
    /// The value a question has when it is not asked.
    static let notAsked = ""
    static let chosen = "chosen", notChosen = "not-chosen"

    /// For a `one` question: its id -> possible answers (and `notAsked`).
    /// For an `any` question: "id includes option" -> `chosen` / `notChosen`.
    private var values: [String: Set<String>] = [:]
    private var kinds: [String: QuestionKind] = [:]

    static func variable(_ question: String, includes option: String) -> String { "\(question) includes \(option)" }

    mutating func record(_ question: Question, canBeAsked: Bool, canBeSkipped: Bool) {
        kinds[question.id] = question.kind
        switch question.kind {
        case .one:
            values[question.id] = Set(canBeAsked ? question.options.map(\.id) : []).union(canBeSkipped ? [Self.notAsked] : [])
        case .any:
            for option in question.options {
                values[Self.variable(question.id, includes: option.id)] =
                    canBeAsked ? [Self.chosen, Self.notChosen] : [Self.notChosen]
            }
        }
    }

    /// Answers (one per variable the condition looks at) under which it holds, or nil when none can.
    func example(satisfying condition: Condition) -> [String: String]? {
        var seen = Set<String>()
        let variables = condition.comparisons.flatMap { c in
            c.isIncludes ? c.options.map { Self.variable(c.question.value, includes: $0.value) } : [c.question.value]
        }.filter { values[$0] != nil && seen.insert($0).inserted }
        var assignment: [String: String] = [:]
        var budget = Self.searchBudget
        return search(condition, variables[...], &assignment, &budget) ? assignment : nil
    }

    /// How many partial answers one search may try. Past it the condition is taken as possible: a check
    /// may then miss an unreachable question, but never reports a reachable one, and stays fast.
    static let searchBudget = 5_000

    private func search(_ condition: Condition, _ rest: ArraySlice<String>, _ assignment: inout [String: String],
                        _ budget: inout Int) -> Bool {
        budget -= 1
        if budget < 0 { return true }
        switch evaluate(condition, assignment) {
        case true?: return true
        case false?: return false
        case nil:
            guard let variable = rest.first else { return false }
            for value in values[variable]!.sorted() {
                assignment[variable] = value
                if search(condition, rest.dropFirst(), &assignment, &budget) { return true }
            }
            assignment[variable] = nil
            return false
        }
    }

    /// Three-valued: nil while a variable it needs is not yet assigned. Unknown questions never hold.
    private func evaluate(_ condition: Condition, _ assignment: [String: String]) -> Bool? {
        func value(_ variable: String) -> String?? {
            guard values[variable] != nil else { return .some(nil) }
            return assignment[variable].map { .some($0) } ?? nil
        }
        switch condition {
        case let .equals(q, o):
            guard kinds[q.value] == .one, let v = value(q.value) else { return kinds[q.value] == .one ? nil : false }
            return v == o.value
        case let .oneOf(q, os):
            guard kinds[q.value] == .one, let v = value(q.value) else { return kinds[q.value] == .one ? nil : false }
            return os.contains { $0.value == v }
        case let .includes(q, o):
            let variable = Self.variable(q.value, includes: o.value)
            guard kinds[q.value] == .any, values[variable] != nil else { return false }
            return assignment[variable].map { $0 == Self.chosen }
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

extension Condition {
    static func all(_ conditions: [Condition]) -> Condition? {
        conditions.dropFirst().reduce(conditions.first) { result, next in result.map { .and($0, next) } }
    }
    static func any(_ conditions: [Condition]) -> Condition? {
        conditions.dropFirst().reduce(conditions.first) { result, next in result.map { .or($0, next) } }
    }
}

private func describe(_ example: [String: String]) -> String {
    example.sorted { $0.key < $1.key }.map { key, value in
        if value == Possibilities.chosen { return key }
        if value == Possibilities.notChosen { return "not (\(key))" }
        if value == Possibilities.notAsked { return "'\(key)' is not asked" }
        return "\(key) = \(value)"
    }.joined(separator: " and ")
}

/// Every track can be chosen and some track is always chosen; every question can be asked;
/// every item of guidance can be shown.
func checkReachability(_ toolkit: Toolkit) -> [Diagnostic] {
    var possible = Possibilities()
    var diagnostics: [Diagnostic] = []
    let always = Condition.not(.oneOf(Located("\u{0}"), []))  // holds for any answers

    // The condition under which each question is asked, so that "q = x" can carry "q was asked" with it.
    var askedWhen: [String: Condition] = [:]

    /// Adds to each comparison the condition for its question to be asked (to `depth` levels): an answer
    /// implies its question was asked, so the meaning is unchanged while chains of conditions are seen.
    func expand(_ condition: Condition, depth: Int) -> Condition {
        guard depth > 0 else { return condition }
        switch condition {
        case let .equals(q, _), let .oneOf(q, _), let .includes(q, _):
            guard let asked = askedWhen[q.value] else { return condition }
            return .and(condition, expand(asked, depth: depth - 1))
        case let .not(c): return .not(expand(c, depth: depth))
        case let .and(a, b): return .and(expand(a, depth: depth), expand(b, depth: depth))
        case let .or(a, b): return .or(expand(a, depth: depth), expand(b, depth: depth))
        }
    }

    func walk(_ parts: [Part], on path: Condition) {
        for question in parts.flatMap(\.questions) {
            let written = Condition.all([path] + (question.showIf.map { [$0] } ?? [])) ?? always
            let asked = expand(written, depth: 2)
            askedWhen[question.id] = written
            let canBeAsked = possible.example(satisfying: asked) != nil
            if !canBeAsked {
                diagnostics.append(.error("no answers lead to the question '\(question.id)'", at: question.location,
                                          fix: "its 'show-if' can never hold after the answers before it: change the condition or remove the question"))
            }
            possible.record(question, canBeAsked: canBeAsked, canBeSkipped: possible.example(satisfying: .not(asked)) != nil)
            guard canBeAsked else { continue }
            for guidance in question.guidance {
                let answered: Condition = question.kind == .one
                    ? .oneOf(Located(question.id), guidance.answers)
                    : Condition.any(guidance.answers.map { .includes(Located(question.id), $0) }) ?? .not(always)
                let shown = Condition.all([asked, answered] + (guidance.when.map { [expand($0, depth: 2)] } ?? []))!
                if possible.example(satisfying: shown) == nil {
                    diagnostics.append(.error("no answers can show this guidance ('\(guidance.headline)')",
                                              at: guidance.location,
                                              fix: "its 'when' can never hold together with 'for': change or remove it"))
                }
            }
        }
    }

    walk(toolkit.openingParts, on: always)
    var noEarlierTrack: [Condition] = []
    for (index, track) in toolkit.tracks.enumerated() {
        if track.when == nil && index < toolkit.tracks.count - 1 {
            diagnostics.append(.error("the track '\(track.id)' has no 'when', so the tracks after it are never followed",
                                      at: track.location, fix: "give it a 'when', or move it last"))
        }
        let chosen = Condition.all(noEarlierTrack + (track.when.map { [$0] } ?? [])) ?? always
        if possible.example(satisfying: chosen) == nil {
            diagnostics.append(.error("no answers lead to the track '\(track.id)'", at: track.location,
                                      fix: "its 'when' never holds, or an earlier track is always chosen first"))
        }
        walk(track.parts, on: chosen)
        if let when = track.when { noEarlierTrack.append(.not(when)) }
    }
    if let last = toolkit.tracks.last, last.when != nil, let none = Condition.all(noEarlierTrack),
       let example = possible.example(satisfying: none) {
        diagnostics.append(.error("some answers lead to no track, for example when \(describe(example))", at: last.location,
                                  fix: "remove 'when' from the last track so it is followed when no other track applies, or widen the conditions"))
    }
    return diagnostics
}
