import ToolkitModel

/// Warnings for what is legal but probably wrong.
func checkEditorial(_ toolkit: Toolkit) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for question in toolkit.allQuestions {
        if question.text.count > 120 {
            diagnostics.append(.warning("the question is \(question.text.count) characters long", at: question.location,
                                        fix: "keep a question under 120 characters; move detail into 'hint' or the more information text"))
        }
        let covered = Set(question.guidance.flatMap { $0.answers.map(\.value) })
        for option in question.options where !covered.contains(option.id) {
            diagnostics.append(.warning("the answer '\(option.id)' of '\(question.id)' earns no guidance", at: option.location,
                                        fix: "add a guidance section with 'for: \(option.id)'"))
        }
        diagnostics += checkHeadingOutline(question.moreInformation, startingAt: question.moreInformationLocation)
        for guidance in question.guidance {
            diagnostics += checkHeadingOutline(guidance.body, startingAt: guidance.bodyLocation)
            if guidance.links.isEmpty {
                diagnostics.append(.warning("the guidance '\(guidance.headline)' has no link to further reading",
                                            at: guidance.location, fix: "add 'links:' with a title and an https:// url"))
            }
            for link in guidance.links where link.url.hasPrefix("http://") {
                diagnostics.append(.warning("the link '\(link.url)' is not secure", at: link.location,
                                            fix: "use the https:// address"))
            }
        }
    }
    return diagnostics
}
