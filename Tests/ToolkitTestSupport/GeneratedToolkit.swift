import ToolkitModel

/// A small, repeatable random number generator (SplitMix64), so generated toolkits are the same each run.
public struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Toolkits with real branching: an opening question chooses one of two tracks; questions are shown on
/// random conditions over earlier questions; guidance has random extra conditions.
public enum GeneratedToolkit {
    public static func make(questionsPerTrack: Int, seed: UInt64, partSize: Int = 10) -> Toolkit {
        var random = SeededRandom(seed: seed)
        let regime = Question(id: "regime", text: "Which rules?", options: [AnswerOption(id: "a", label: "A"), AnswerOption(id: "b", label: "B"),
                                                                         AnswerOption(id: "c", label: "C")],
                              guidance: [Guidance(id: "regime#1", answers: [Located("c")], priority: .plan, headline: "Check")])
        var tracks: [Track] = []
        for (index, name) in ["first", "second"].enumerated() {
            var earlier: [Question] = [regime]
            var questions: [Question] = []
            for n in 0..<questionsPerTrack {
                let kind: QuestionKind = random.next() % 4 == 0 ? .any : .one
                let options = (0..<Int(2 + random.next() % 3)).map { AnswerOption(id: "o\($0)", label: "Option \($0)") }
                var question = Question(id: "\(name)-q\(n)", text: "Question \(n)?", kind: kind, options: options)
                if n > 0 && random.next() % 2 == 0 {
                    question.showIf = condition(over: earlier, depth: 2, &random)
                }
                question.guidance = options.enumerated().map { i, option in
                    Guidance(id: "\(question.id)#\(i + 1)", answers: [Located(option.id)],
                             when: random.next() % 4 == 0 ? condition(over: earlier + [question], depth: 1, &random) : nil,
                             priority: Priority.allCases[Int(random.next() % 3)], headline: "Advice \(i)")
                }
                questions.append(question)
                earlier.append(question)
            }
            let parts = stride(from: 0, to: questions.count, by: partSize).map { start in
                Part(id: "\(name)-part\(start / partSize)", title: "Part", questions: Array(questions[start..<min(start + partSize, questions.count)]))
            }
            let when: Condition? = index == 0 ? .oneOf(Located("regime"), [Located("a"), Located("c")]) : nil
            tracks.append(Track(id: name, title: name, when: when, parts: parts))
        }
        return Toolkit(id: "generated", title: "Generated", version: "1",
                       openingParts: [Part(id: "opening", title: "Opening", questions: [regime])], tracks: tracks)
    }

    /// A random condition over the given questions, using every form of the language.
    static func condition(over questions: [Question], depth: Int, _ random: inout SeededRandom) -> Condition {
        if depth > 0 && random.next() % 3 == 0 {
            let left = condition(over: questions, depth: depth - 1, &random)
            let right = condition(over: questions, depth: depth - 1, &random)
            switch random.next() % 3 {
            case 0: return .and(left, right)
            case 1: return .or(left, right)
            default: return .not(left)
            }
        }
        let question = questions[Int(random.next() % UInt64(questions.count))]
        let option = Located(question.options[Int(random.next() % UInt64(question.options.count))].id)
        if question.kind == .any { return .includes(Located(question.id), option) }
        if random.next() % 3 == 0 { return .oneOf(Located(question.id), [option, Located(question.options[0].id)]) }
        return random.next() % 4 == 0 ? .not(.equals(Located(question.id), option)) : .equals(Located(question.id), option)
    }

    /// An answer to every question of the toolkit, chosen at random.
    public static func randomAnswers(for toolkit: Toolkit, _ random: inout SeededRandom) -> Answers {
        var answers: Answers = [:]
        for question in toolkit.allQuestions {
            switch question.kind {
            case .one: answers[question.id] = .one(question.options[Int(random.next() % UInt64(question.options.count))].id)
            case .any:
                var chosen = Set(question.options.filter { _ in random.next() % 2 == 0 }.map(\.id))
                if chosen.isEmpty { chosen = [question.options[0].id] }
                answers[question.id] = .any(chosen)
            }
        }
        return answers
    }
}
