import Foundation
import Testing
import ToolkitModel
import ToolkitFlowMap

/// The map of the flow: which edges it draws and how it labels them.
struct FlowMapTests {
    func condition(_ text: String) -> Condition {
        guard case let .success(condition) = ConditionParser.parse(text) else { fatalError("bad condition \(text)") }
        return condition
    }

    func yesNo(_ id: String, showIf: String? = nil) -> Question {
        Question(id: id, text: "\(id)?", options: [AnswerOption(id: "yes", label: "Yes"), AnswerOption(id: "no", label: "No")],
                 showIf: showIf.map(condition))
    }

    func edges(_ toolkit: Toolkit) -> [String] {
        FlowMap.dot(for: toolkit).split(separator: "\n").filter { $0.contains(" -> ") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
    }

    @Test func labelsEdgesWithAnswersAndLeavesOutImpossibleOnes() {
        let toolkit = Toolkit(id: "t", title: "T", tracks: [Track(id: "t", title: "T", parts: [
            Part(id: "p", title: "P", questions: [
                yesNo("a"),
                yesNo("b", showIf: "a = yes"),
                yesNo("c", showIf: "b = yes"),  // needs b, so never straight after a
                yesNo("d"),
            ]),
        ])])
        #expect(edges(toolkit) == [
            "\"start\" -> \"q:a\";",
            "\"q:a\" -> \"q:b\" [label=\"Yes\", tooltip=\"a = yes\"];",
            "\"q:a\" -> \"q:d\" [label=\"otherwise\"];",
            "\"q:b\" -> \"q:c\" [label=\"Yes\", tooltip=\"b = yes\"];",
            "\"q:b\" -> \"q:d\" [label=\"otherwise\"];",
            "\"q:c\" -> \"q:d\";",
            "\"q:d\" -> \"report\";",
        ])
    }

    @Test func drawsNoEdgePastAQuestionThatIsAlwaysAskedThere() {
        // c is asked whenever b is asked (same condition), so from b the flow always goes to c.
        let toolkit = Toolkit(id: "t", title: "T", tracks: [Track(id: "t", title: "T", parts: [
            Part(id: "p", title: "P", questions: [yesNo("a"), yesNo("b", showIf: "a = yes"), yesNo("c", showIf: "a = yes")]),
        ])])
        let fromB = edges(toolkit).filter { $0.hasPrefix("\"q:b\"") }
        #expect(fromB == ["\"q:b\" -> \"q:c\";"])
    }

    @Test func escapesQuotesAndLinksQuestionsWhenAsked() {
        let toolkit = Toolkit(id: "t", title: "Say \"hi\"", tracks: [Track(id: "t", title: "T", parts: [
            Part(id: "p", title: "P", questions: [Question(id: "q", text: "A \"quoted\" \\ question?", options: [])]),
        ])])
        let dot = FlowMap.dot(for: toolkit) { "/t/all-guidance.html#question-\($0.id)" }
        #expect(dot.contains("label=\"Say \\\"hi\\\"\\nDashed"))
        #expect(dot.contains("A \\\"quoted\\\" \\\\ question?"))
        #expect(dot.contains("URL=\"/t/all-guidance.html#question-q\""))
    }
}
