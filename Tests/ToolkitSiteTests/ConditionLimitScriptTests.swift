import Foundation
import Testing
import ToolkitModel
import ToolkitTestSupport
@testable import ToolkitSite

/// Whatever the parser accepts, the emitted model.js loads and runs: the largest conditions allowed,
/// as deep and as long as the limits let them be, give the same runs in node as in Swift.
struct ConditionLimitScriptTests {
    static func parse(_ text: String) throws -> Condition { try ConditionParser.parse(text).get() }

    /// 31 'not' and a bracket (32 levels, the limit) around 256 comparisons (the limit) joined by 'or'.
    static let deepest = String(repeating: "not ", count: ConditionParser.maximumDepth - 1) + "("
        + (0..<ConditionParser.maximumComparisons).map { ["regime = a", "regime in [a, b]", "regime = a"][$0 % 3] }
            .joined(separator: " or ") + ")"
    /// 256 comparisons joined by 'and'.
    static let longest = (0..<ConditionParser.maximumComparisons).map { $0 % 2 == 0 ? "regime != b" : "regime in [a, b, c]" }
        .joined(separator: " and ")

    @Test func theLargestAcceptedConditionsRunInNodeAsInSwift() throws {
        var toolkit = GeneratedToolkit.make(questionsPerTrack: 6, seed: 7, partSize: 3)
        toolkit.tracks[0].parts[0].questions[0].showIf = try Self.parse(Self.deepest)
        toolkit.tracks[1].parts[0].questions[0].guidance[0].when = try Self.parse(Self.longest)
        var random = SeededRandom(seed: 11)
        let answerSets = (0..<60).map { _ in GeneratedToolkit.randomAnswers(for: toolkit, &random) }
        let fromNode = try NodeRunner.runs(of: toolkit, for: answerSets)
        let fromSwift = answerSets.map(toolkit.outcome)
        #expect(fromNode == fromSwift)
        // The conditions decide something: the question is asked on some runs and not on others.
        let asked = fromSwift.map { $0.asked.contains(toolkit.tracks[0].parts[0].questions[0].id) }
        #expect(asked.contains(true) && asked.contains(false))
    }

    @Test func aLongChainIsWrittenFlat() throws {
        let script = ScriptEmitter.function(try Self.parse(Self.longest))
        // One bracket level per term, however many terms: no "((((" building up on the left.
        #expect(!script.contains("(((("))
        #expect(script.components(separatedBy: " && ").count == ConditionParser.maximumComparisons)
    }
}
