import Testing
import ToolkitModel

/// The one search that reachability and the flow map share.
struct ConditionSolverTests {
    func condition(_ text: String) -> Condition {
        guard case let .success(condition) = ConditionParser.parse(text) else { fatalError("bad condition \(text)") }
        return condition
    }

    let scope = Question(id: "scope", text: "Scope?", options: [AnswerOption(id: "le", label: "LE"), AnswerOption(id: "gen", label: "General")])
    let kinds = Question(id: "kinds", text: "Kinds?", kind: .any,
                         options: [AnswerOption(id: "health", label: "Health"), AnswerOption(id: "crime", label: "Crime")])

    @Test func findsAnswersThatMakeEveryConditionHold() {
        var solver = ConditionSolver()
        solver.allow(scope, canBeAsked: true, canBeSkipped: true)
        solver.allow(kinds, canBeAsked: true, canBeSkipped: true)
        let example = solver.example(satisfying: [condition("scope != le"), condition("kinds includes health")])
        #expect(example?[.answer(question: "scope")] == .notAsked)  // tried first, and it is not 'le'
        #expect(example?[.includes(question: "kinds", option: "health")] == .chosen)
        #expect(solver.isSatisfiable([]))
        #expect(!solver.isSatisfiable([condition("scope = le"), condition("scope = gen")]))
    }

    @Test func answersThatCannotBeGivenNeverHold() {
        var solver = ConditionSolver()
        solver.allow(scope, canBeAsked: false, canBeSkipped: true)
        solver.allow(kinds, canBeAsked: false, canBeSkipped: true)
        #expect(!solver.isSatisfiable([condition("scope in [le, gen]")]))
        #expect(!solver.isSatisfiable([condition("kinds includes crime")]))
        #expect(solver.isSatisfiable([condition("not kinds includes crime")]))
        // Never allowed, of the wrong kind, or an option the question does not have: never holds.
        #expect(!solver.isSatisfiable([condition("other = yes")]))
        #expect(!solver.isSatisfiable([condition("kinds = health")]))
        #expect(!solver.isSatisfiable([condition("kinds includes cars")]))
    }

    @Test func aQuestionAlwaysAskedHasAnAnswer() {
        var solver = ConditionSolver()
        solver.allow(scope, canBeAsked: true, canBeSkipped: false)
        #expect(solver.isSatisfiable([condition("scope = le or scope = gen")]))
        #expect(!solver.isSatisfiable([condition("not scope in [le, gen]")]))
    }

    @Test func pastItsBudgetTheSearchTakesTheConditionsAsPossible() {
        var solver = ConditionSolver()
        let questions = (0..<12).map { Question(id: "q\($0)", text: "?", options: [AnswerOption(id: "a", label: "A"), AnswerOption(id: "b", label: "B")]) }
        for question in questions { solver.allow(question, canBeAsked: true, canBeSkipped: false) }
        // Fails only once q11 is answered, after every answer to q0...q10: about 2^12 partial answers.
        let impossible = [condition(questions.dropLast().map { "\($0.id) = a" }.joined(separator: " or ")),
                          condition("q11 = a"), condition("q11 = b")]
        #expect(solver.example(satisfying: impossible) == nil)
        #expect(solver.example(satisfying: impossible, budget: 3) != nil)
    }
}
