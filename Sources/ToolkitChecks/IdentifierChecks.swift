import ToolkitModel

/// Ids are unique: questions and parts across the toolkit, tracks, and answers within a question.
func checkIdentifiers(_ toolkit: Toolkit) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    func unique(_ kind: String, _ items: [(id: String, location: SourceLocation)]) {
        var first: [String: SourceLocation] = [:]
        for item in items {
            if let earlier = first[item.id] {
                diagnostics.append(.error("the \(kind) id '\(item.id)' is used twice; it was first used at \(earlier)",
                                          at: item.location,
                                          fix: "rename one of them (a question's id is its file name without the number, or its 'id:' setting)"))
            } else {
                first[item.id] = item.location
            }
        }
    }
    let parts = toolkit.openingParts + toolkit.tracks.flatMap(\.parts)
    let questions = toolkit.allQuestions
    unique("question", questions.map { ($0.id, $0.location) })
    unique("part", parts.map { ($0.id, $0.location) })
    unique("track", toolkit.tracks.map { ($0.id, $0.location) })
    for question in questions {
        unique("answer", question.options.map { ($0.id, $0.location) })
        if question.options.count == 1 && question.kind == .one {
            diagnostics.append(.error("the question '\(question.id)' has only one answer", at: question.location,
                                      fix: "give it at least two answers to choose from"))
        }
    }
    for part in parts where part.questions.isEmpty {
        diagnostics.append(.error("the part '\(part.id)' has no questions", at: part.location,
                                  fix: "add a question file to the part's folder, or remove the folder"))
    }
    if toolkit.tracks.allSatisfy({ $0.parts.isEmpty }) {
        diagnostics.append(.error("the toolkit '\(toolkit.id)' has no parts", at: toolkit.location,
                                  fix: "add a part folder with a part.md and question files"))
    }
    return diagnostics
}
