import Foundation
import Testing
import ToolkitContent
import ToolkitModel
import ToolkitTestSupport
@testable import ToolkitSite

struct EmittedScriptTests {
    @Test func conditionsBecomePlainExpressions() throws {
        let condition = try ConditionParser.parse("not (a = yes or b in [x, y]) and c includes z").get()
        #expect(ScriptEmitter.function(condition) ==
            #"(a) => (!((a["a"] === "yes") || (["x", "y"].includes(a["b"])))) && (Array.isArray(a["c"]) && a["c"].includes("z"))"#)
    }

    @Test func stringsCannotBreakOutOfTheScript() {
        #expect(ScriptEmitter.js("a \"quote\" \\ </script>\n\u{2028}") == #""a \"quote\" \\ \u003c/script>\n\u2028""#)
        // Byte by byte: other characters of three UTF-8 bytes starting E2 80 pass whole; control characters
        // become \u escapes; Welsh and emoji pass as they are.
        #expect(ScriptEmitter.js("\u{2029}\u{2019}\u{2026}\r\t\u{1}\u{1F}ŵŷ 🏴") == "\"\\u2029\u{2019}\u{2026}\\r\\t\\u0001\\u001fŵŷ 🏴\"")
        #expect(ScriptEmitter.js("") == "\"\"")
    }

    /// model.js carries the priorities' order and each track part's place, and no interface words: the
    /// runtime makes 'Act now' and 'Part 2 of 4: Title' from the locale's strings (InterfaceRuntimeTests).
    @Test func theModelCarriesThePrioritiesInOrderAndEachPartsPlaceButNoInterfaceWords() throws {
        let question = { (id: String) in Question(id: id, text: "\(id)?", options: [AnswerOption(id: "yes", label: "Yes")]) }
        let toolkit = Toolkit(id: "t", title: "T",
                              openingParts: [Part(id: "opening", title: "About you", questions: [question("o")])],
                              tracks: [Track(id: "only", title: "Only", parts: [
                                  Part(id: "first", title: "First things", questions: [question("a")]),
                                  Part(id: "second", title: "Second things", questions: [question("b")]),
                              ])])
        let priorities = try #require(try NodeRunner.modelValue(of: toolkit, "toolkitModel.priorities") as? [String])
        #expect(priorities == Priority.allCases.map(\.rawValue))
        let places = try #require(try NodeRunner.modelValue(of: toolkit,
            "[...toolkitModel.openingParts, ...toolkitModel.tracks[0].parts].map((p) => [p.number ?? 0, p.count ?? 0])") as? [[Int]])
        #expect(places == [[0, 0], [1, 2], [2, 2]])
        let script = ScriptEmitter.script(for: toolkit)
        for word in ["Act now", "Keep doing", "Part 1", "caption"] { #expect(!script.contains(word), "model.js has '\(word)'") }
    }

    @Test func generatedToolkitsGiveTheSameRunsInNodeAsInSwift() throws {
        // A few thousand random answer runs over toolkits with real branching.
        for seed in UInt64(1)...4 {
            let toolkit = GeneratedToolkit.make(questionsPerTrack: 40, seed: seed, partSize: 8)
            var random = SeededRandom(seed: seed * 1000)
            let answerSets = (0..<750).map { _ in GeneratedToolkit.randomAnswers(for: toolkit, &random) }
            let fromNode = try NodeRunner.runs(of: toolkit, for: answerSets)
            var branches = Set<[String]>()
            for (answers, node) in zip(answerSets, fromNode) {
                let swift = toolkit.outcome(answers)
                #expect(node == swift, "seed \(seed): \(answers)")
                branches.insert(swift.asked)
                if node != swift { return }
            }
            #expect(branches.count > 100, "the generated toolkit should branch: \(branches.count) distinct paths")
        }
    }

}

/// Every branch of a toolkit: at every distinct state it tries every answer of each question that a later
/// condition looks at, and rotates through the answers of the others so every answer is used somewhere.
/// Two states are the same when the same question is next and every condition still to come has been
/// reduced to the same thing by the answers so far; their futures are then identical, so the future of a
/// state seen before is explored once and the run is finished one way.
struct PathEnumerator {
    let toolkit: Toolkit
    let deciding: Set<String>

    init(_ toolkit: Toolkit) {
        self.toolkit = toolkit
        var looked = Set<String>()
        for track in toolkit.tracks { looked.formUnion(track.when?.questionIDs ?? []) }
        for question in toolkit.allQuestions {
            looked.formUnion(question.showIf?.questionIDs ?? [])
            for guidance in question.guidance { looked.formUnion(guidance.when?.questionIDs ?? []) }
        }
        deciding = looked
    }

    func allPaths() -> [Answers] {
        var paths: [Answers] = []
        var seen = Set<String>()
        var counter: [String: Int] = [:]
        let order = Dictionary(uniqueKeysWithValues: toolkit.allQuestions.enumerated().map { ($1.id, $0) })
        func extend(_ answers: Answers) {
            let run = toolkit.run(answers)
            guard let next = run.asked.first(where: { answers[$0] == nil }), let question = toolkit.question(next) else {
                paths.append(answers); return
            }
            let settled = { (id: String) in (order[id] ?? .max) < order[next]! }
            let later = toolkit.allQuestions.filter { !settled($0.id) }
            let pending = later.flatMap { q in [q.showIf] + q.guidance.map(\.when) } + toolkit.tracks.map(\.when)
            let key = next + "|" + pending.map { $0.map { residual($0, answers, settled) } ?? "-" }.joined(separator: "|")
            guard seen.insert(key).inserted else {
                // The future from here has been explored; finish this path one way so the answer that led
                // here is still part of a whole run.
                var rest = answers
                while let open = toolkit.run(rest).asked.first(where: { rest[$0] == nil }), let q = toolkit.question(open) {
                    rest[open] = choices(for: q, rotation: &counter)[0]
                }
                paths.append(rest)
                return
            }
            for answer in choices(for: question, rotation: &counter) {
                var more = answers
                more[question.id] = answer
                extend(more)
            }
        }
        extend([:])
        return paths
    }

    /// The condition with every comparison on a settled question replaced by its value.
    private func residual(_ condition: Condition, _ answers: Answers, _ settled: (String) -> Bool) -> String {
        func reduce(_ c: Condition) -> Condition? {  // nil: unchanged; .some: a known truth, as a marker
            switch c {
            case let .equals(q, _), let .oneOf(q, _), let .includes(q, _):
                return settled(q.value) ? (c.holds(for: answers) ? Self.yes : Self.no) : c
            case let .not(inner):
                let r = reduce(inner)!
                return r == Self.yes ? Self.no : r == Self.no ? Self.yes : .not(r)
            case let .and(a, b):
                let l = reduce(a)!, r = reduce(b)!
                if l == Self.no || r == Self.no { return Self.no }
                return l == Self.yes ? r : r == Self.yes ? l : .and(l, r)
            case let .or(a, b):
                let l = reduce(a)!, r = reduce(b)!
                if l == Self.yes || r == Self.yes { return Self.yes }
                return l == Self.no ? r : r == Self.no ? l : .or(l, r)
            }
        }
        return reduce(condition)!.source
    }

    private static let yes = Condition.equals(Located("true"), Located("true"))
    private static let no = Condition.equals(Located("false"), Located("false"))

    private func choices(for question: Question, rotation counters: inout [String: Int]) -> [Answer] {
        let ids = question.options.map(\.id)
        let rotation = counters[question.id, default: 0]
        counters[question.id] = rotation + 1
        switch (question.kind, deciding.contains(question.id)) {
        case (.one, true): return ids.map { .one($0) }
        case (.any, true): return ids.map { .any([$0]) } + [.any(Set(ids))]
        case (.one, false): return [.one(ids[rotation % ids.count])]
        case (.any, false): return [.any([ids[rotation % ids.count], ids[(rotation + 1) % ids.count]])]
        }
    }
}

struct ExclusiveAnswerTests {
    @Test func noneIsExclusiveOnlyInQuestionsWithSeveralAnswers() {
        let options = [AnswerOption(id: "health", label: "Health"), AnswerOption(id: "none", label: "None of these")]
        let several = Question(id: "kinds", text: "Which?", kind: .any, options: options)
        let one = Question(id: "pick", text: "Which?", kind: .one, options: options)
        let toolkit = Toolkit(id: "t", title: "T", tracks: [Track(id: "t", title: "T", parts: [Part(id: "p", title: "P", questions: [several, one])])])
        let script = ScriptEmitter.script(for: toolkit)
        #expect(script.contains(#"{ id: "none", label: "None of these", exclusive: true }"#))
        #expect(script.components(separatedBy: "exclusive: true").count == 2, "only the question with several answers")
    }
}

/// Content tests: every path through the shipped toolkit (content/).
struct ShippedContentPaths {
    @Test func everyPathOfTheShippedContentGivesTheSameRunInNodeAsInSwift() throws {
        let loaded = ContentLoader.load(directory: NodeRunner.repository.appendingPathComponent("content").path)
        let toolkit = try #require(loaded.toolkits.first)
        let paths = PathEnumerator(toolkit).allPaths()
        #expect(paths.count > 50, "\(paths.count) paths")
        print("shipped content: \(paths.count) runs cover every branch")
        let fromNode = try NodeRunner.runs(of: toolkit, for: paths)
        for (answers, node) in zip(paths, fromNode) {
            let swift = toolkit.outcome(answers)
            #expect(node == swift, "\(answers)")
            if node != swift { return }
        }
        // Every question is asked on some path, and every item of guidance shown on some path.
        let swiftRuns = paths.map(toolkit.run)
        #expect(Set(swiftRuns.flatMap(\.asked)) == Set(toolkit.allQuestions.map(\.id)))
        let missing = Set(toolkit.allQuestions.flatMap { $0.guidance.map(\.id) }).subtracting(swiftRuns.flatMap(\.guidance))
        #expect(missing.isEmpty, "guidance shown on no path: \(missing.sorted())")
    }
}
