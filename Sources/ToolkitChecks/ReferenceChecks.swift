import ToolkitModel

/// Conditions name questions that exist and are asked earlier, with answers those questions have.
func checkReferences(_ toolkit: Toolkit) -> [Diagnostic] {
    let flow = FlowPositions(toolkit)
    let questions = toolkit.allQuestions
    var diagnostics: [Diagnostic] = []

    /// `owner` is the question the condition belongs to (nil for a track's condition).
    func check(_ condition: Condition, owner: String?, allowOwner: Bool, setting: String) {
        for comparison in condition.comparisons {
            let id = comparison.question.value
            guard let target = flow.questions[id] else {
                let suggestion = closestMatch(to: id, in: questions.map(\.id)).map { "did you mean '\($0)'? " } ?? ""
                diagnostics.append(.error("'\(setting)' names a question '\(id)' that does not exist",
                                          at: comparison.question.location,
                                          fix: "\(suggestion)a question's id is its file name without the number and '.md'"))
                continue
            }
            if let owner, !flow.precedes(id, owner, allowSame: allowOwner) {
                diagnostics.append(.error("'\(setting)' looks at '\(id)', which is not asked before this question",
                                          at: comparison.question.location,
                                          fix: "a condition can only look at questions asked earlier on the same path: move the question, or change the condition"))
            }
            if owner == nil, flow.track[id] != .some(nil) {
                diagnostics.append(.error("a track's 'when' looks at '\(id)', which is not in an opening part",
                                          at: comparison.question.location,
                                          fix: "a track is chosen by the questions asked before any track: look only at those"))
            }
            if comparison.isIncludes && target.kind == .one {
                diagnostics.append(.error("'\(id)' takes one answer, so 'includes' never fits it", at: comparison.question.location,
                                          fix: "write '\(id) = \(comparison.options[0].value)' or '\(id) in [...]'"))
            } else if !comparison.isIncludes && target.kind == .any {
                diagnostics.append(.error("'\(id)' takes several answers, so compare it with 'includes'",
                                          at: comparison.question.location,
                                          fix: "write '\(id) includes \(comparison.options[0].value)'"))
            }
            for option in comparison.options where target.option(option.value) == nil {
                diagnostics.append(unknownAnswer(option, of: target))
            }
        }
    }

    for track in toolkit.tracks {
        if let when = track.when { check(when, owner: nil, allowOwner: false, setting: "when") }
    }
    for question in questions {
        if let showIf = question.showIf { check(showIf, owner: question.id, allowOwner: false, setting: "show-if") }
        for guidance in question.guidance {
            if let when = guidance.when { check(when, owner: question.id, allowOwner: true, setting: "when") }
            for answer in guidance.answers where question.option(answer.value) == nil {
                diagnostics.append(unknownAnswer(answer, of: question))
            }
        }
    }
    return diagnostics
}

private func unknownAnswer(_ answer: Located<String>, of question: Question) -> Diagnostic {
    let ids = question.options.map(\.id)
    let suggestion = closestMatch(to: answer.value, in: ids).map { "did you mean '\($0)'? " } ?? ""
    return .error("the question '\(question.id)' has no answer '\(answer.value)'", at: answer.location,
                  fix: "\(suggestion)its answers are: \(ids.joined(separator: ", "))")
}
