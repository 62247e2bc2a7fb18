import ToolkitModel

/// Warnings for what is legal but probably wrong.
func checkEditorial(_ toolkit: Toolkit) -> [Diagnostic] {
    var diagnostics = checkStatedLength(toolkit)
    for question in toolkit.allQuestions {
        // A character is at least one byte: the characters are counted only when there are enough bytes.
        if question.text.utf8.count > 120 && question.text.count > 120 {
            diagnostics.append(.warning("the question is \(question.text.count) characters long", at: question.location,
                                        fix: "keep a question under 120 characters; move detail into 'hint' or the more information text"))
        }
        let covered = Set(question.guidance.flatMap { $0.answers.map(\.value) })
        for option in question.options where !covered.contains(option.id) {
            diagnostics.append(.warning("the answer '\(option.id)' of '\(question.id)' earns no guidance", at: option.location,
                                        fix: "add a guidance section with 'for: \(option.id)'"))
        }
        for guidance in question.guidance {
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

/// The start page's "about N minutes" should match the questions a user meets: about a minute each,
/// on the longest track.
func checkStatedLength(_ toolkit: Toolkit) -> [Diagnostic] {
    guard let minutes = toolkit.minutes else { return [] }
    let opening = toolkit.openingParts.flatMap(\.questions).count
    let longest = opening + (toolkit.tracks.map { $0.parts.flatMap(\.questions).count }.max() ?? 0)
    guard Double(minutes) < Double(longest) * 0.75 || Double(minutes) > Double(longest) * 1.5 else { return [] }
    return [.warning("'minutes: \(minutes)' does not match the \(longest) questions of the longest path", at: toolkit.location,
                     fix: "allow about a minute a question: write 'minutes: \(longest)' and the same figure on the start page")]
}
