import Testing
@testable import ToolkitModel

struct ConditionParserTests {
    func parse(_ text: String) throws -> Condition {
        try ConditionParser.parse(text, at: SourceLocation(file: "q.md", line: 3, column: 10)).get()
    }

    @Test func readsEveryForm() throws {
        #expect(try parse("a = yes").source == "a = yes")
        #expect(try parse("a != yes").source == "a != yes")
        #expect(try parse("a in [yes, not-sure]").source == "a in [yes, not-sure]")
        #expect(try parse("kinds includes health").source == "kinds includes health")
        #expect(try parse("not (a = yes or b = no)").source == "not (a = yes or b = no)")
    }

    @Test func andBindsTighterThanOr() throws {
        let condition = try parse("a = x or b = y and c = z")
        guard case let .or(left, .and(_, _)) = condition else {
            Issue.record("expected 'or' at the top, got \(condition)"); return
        }
        #expect(left.source == "a = x")
        #expect(try parse("(a = x or b = y) and c = z").source == "(a = x or b = y) and c = z")
    }

    @Test func keepsTheColumnOfEachId() throws {
        let condition = try parse("alpha = yes and beta = no")
        let columns = condition.comparisons.map(\.question.location.column)
        #expect(columns == [10, 26])
        #expect(condition.comparisons[1].options[0].location.column == 33)
    }

    @Test(arguments: [
        ("a =", "expected an answer id after '=' but found 'the end of the condition'", 13),
        ("a = yes and", "expected a question id but found 'the end of the condition'", 21),
        ("a in [yes", "expected ']' but found 'the end of the condition'", 19),
        ("(a = yes", "expected ')' but found 'the end of the condition'", 18),
        ("a == yes", "expected an answer id after '=' but found '='", 13),
        ("a = yes; b = no", "unexpected character ';'", 17),
        ("a yes", "expected '=', '!=', 'in' or 'includes' after 'a' but found 'yes'", 12),
    ])
    func reportsWhereItFails(text: String, message: String, column: Int) {
        switch ConditionParser.parse(text, at: SourceLocation(file: "q.md", line: 3, column: 10)) {
        case .success(let condition): Issue.record("parsed '\(text)' as \(condition)")
        case .failure(let failure):
            #expect(failure.message.hasPrefix(message), "\(failure.message)")
            #expect(failure.location == SourceLocation(file: "q.md", line: 3, column: column))
        }
    }

    @Test func evaluatesAgainstAnswers() throws {
        let answers: Answers = ["a": .one("yes"), "kinds": .any(["health", "biometric"])]
        #expect(try parse("a = yes").holds(for: answers))
        #expect(try !parse("a != yes").holds(for: answers))
        #expect(try parse("b != yes").holds(for: answers), "an unanswered question is not 'yes'")
        #expect(try !parse("b = yes").holds(for: answers))
        #expect(try parse("a in [no, yes]").holds(for: answers))
        #expect(try parse("kinds includes health and not (kinds includes genetic)").holds(for: answers))
        #expect(try !parse("a includes yes").holds(for: answers), "includes never fits a single answer")
        #expect(try parse("a = no or kinds includes biometric").holds(for: answers))
    }
}

struct FlowTests {
    static let toolkit = Toolkit(
        id: "t", title: "T",
        openingParts: [Part(id: "open", title: "Open", questions: [
            Question(id: "regime", text: "Which?", options: [AnswerOption(id: "le", label: "LE"), AnswerOption(id: "gp", label: "GP")]),
        ])],
        tracks: [
            Track(id: "law", title: "Law", when: try! ConditionParser.parse("regime = le").get(), parts: [
                Part(id: "p1", title: "P1", questions: [
                    Question(id: "sensitive", text: "Sensitive?", options: [AnswerOption(id: "yes", label: "Yes"), AnswerOption(id: "no", label: "No")],
                             guidance: [Guidance(id: "s1", answers: [Located("yes")], priority: .actNow, headline: "Write a policy")]),
                    Question(id: "kinds", text: "Which kinds?", kind: .any,
                             options: [AnswerOption(id: "health", label: "Health"), AnswerOption(id: "bio", label: "Biometric")],
                             showIf: try! ConditionParser.parse("sensitive = yes").get(),
                             guidance: [Guidance(id: "k1", answers: [Located("bio")], priority: .plan, headline: "Check biometrics"),
                                        Guidance(id: "k2", answers: [Located("health")],
                                                 when: try! ConditionParser.parse("regime = le").get(), priority: .plan, headline: "Health")]),
                ]),
            ]),
            Track(id: "general", title: "General", parts: [
                Part(id: "p2", title: "P2", questions: [Question(id: "basis", text: "Basis?", options: [AnswerOption(id: "a", label: "A"), AnswerOption(id: "b", label: "B")])]),
            ]),
        ])

    @Test func followsTheChosenTrackAndItsBranches() {
        let run = Self.toolkit.run(["regime": .one("le"), "sensitive": .one("yes"), "kinds": .any(["bio", "health"]), "basis": .one("a")])
        #expect(run.track == "law")
        #expect(run.asked == ["regime", "sensitive", "kinds"])
        #expect(run.guidance == ["s1", "k1", "k2"])
        #expect(run.answers["basis"] == nil, "an answer to a question not asked does not count")
    }

    @Test func skipsQuestionsWhoseConditionFails() {
        let run = Self.toolkit.run(["regime": .one("le"), "sensitive": .one("no"), "kinds": .any(["bio"])])
        #expect(run.asked == ["regime", "sensitive"])
        #expect(run.guidance == [])
        let general = Self.toolkit.run(["regime": .one("gp")])
        #expect(general.track == "general")
        #expect(general.asked == ["regime", "basis"])
    }

    @Test func didYouMeanFindsCloseIds() {
        #expect(closestMatch(to: "sensitve", in: ["sensitive", "kinds"]) == "sensitive")
        #expect(closestMatch(to: "zzz", in: ["sensitive", "kinds"]) == nil)
    }
}

/// Conditions are bounded so that no part of the tool, nor the browser, recurses without limit.
struct ConditionLimitTests {
    let at = SourceLocation(file: "q.md", line: 3, column: 10)

    @Test func nestingUpToTheLimitIsRead() throws {
        let text = String(repeating: "not ", count: ConditionParser.maximumDepth - 1) + "(a = x)"
        #expect(throws: Never.self) { try ConditionParser.parse(text, at: at).get() }
    }

    @Test func nestingPastTheLimitIsALocatedError() {
        // 2,000 and 42,000 levels: the first shipped a blank site, the second crashed `check`.
        for levels in [ConditionParser.maximumDepth / 2 + 1, 2_000, 42_000] {
            let text = String(repeating: "not (", count: levels) + "a = x" + String(repeating: ")", count: levels)
            guard case let .failure(failure) = ConditionParser.parse(text, at: at) else {
                Issue.record("\(levels) levels were accepted"); continue
            }
            #expect(failure.message == "the condition nests more than 32 levels of 'not' and brackets")
            // The 33rd level opens at the 17th 'not (', at offset 16 * 5.
            #expect(failure.location.column == 10 + 80)
            #expect(failure.fix != nil)
        }
    }

    @Test func comparisonsUpToTheLimitAreRead() throws {
        let text = Array(repeating: "a = x", count: ConditionParser.maximumComparisons).joined(separator: " or ")
        #expect(try ConditionParser.parse(text, at: at).get().comparisons.count == ConditionParser.maximumComparisons)
    }

    /// Found by the fuzzer: 20 'not' around a comparison printed as 20 'not (', past the limit.
    @Test func theSourceReadsBackTheSameWithinTheLimit() throws {
        let text = String(repeating: "not ", count: 20) + "a != x"
        let condition = try ConditionParser.parse(text, at: at).get()
        #expect(condition.source == text)
        #expect(try ConditionParser.parse(condition.source).get() == ConditionParser.parse(text).get())
        #expect(try ConditionParser.parse("not (a = x or b in [y])").get().source == "not (a = x or b in [y])")
    }

    @Test func comparisonsPastTheLimitAreALocatedError() {
        let text = Array(repeating: "a = x", count: 5_000).joined(separator: " or ")
        guard case let .failure(failure) = ConditionParser.parse(text, at: at) else {
            Issue.record("5,000 comparisons were accepted"); return
        }
        #expect(failure.message == "the condition has more than 256 comparisons")
        #expect(failure.location.column == 10 + 256 * "a = x or ".count)
    }
}
