import ToolkitModel

/// The flow of a toolkit as a Graphviz DOT graph: parts as clusters, questions as nodes, and edges
/// from each question to every question that can come next (`FlowEdges`), labelled with the answers or
/// the condition that lead there. Editors read it as a map: which answers lead where.
public enum FlowMap {
    /// `link` gives the address a question's node links to (the preview's map uses it), or nil for none.
    public static func dot(for toolkit: Toolkit, link: ((Question) -> String?)? = nil) -> String {
        var graph = Graph(toolkit: toolkit, link: link)
        graph.build()
        return graph.text
    }
}

private struct Graph {
    let toolkit: Toolkit
    let link: ((Question) -> String?)?
    let edges: FlowEdges
    var questions: [String: Question] { edges.questions }
    var lines: [String] = []

    init(toolkit: Toolkit, link: ((Question) -> String?)?) {
        self.toolkit = toolkit
        self.link = link
        self.edges = FlowEdges(toolkit)
    }

    var text: String { lines.joined(separator: "\n") + "\n" }

    mutating func build() {
        lines.append("digraph \(quote(toolkit.id)) {")
        lines.append("  graph [fontname=\"Helvetica\", fontsize=12, rankdir=TB, nodesep=0.3, ranksep=0.4, labelloc=t, "
            + "label=\(quote(toolkit.title + "\nDashed boxes are asked only when their condition holds."))];")
        lines.append("  node [fontname=\"Helvetica\", fontsize=10, shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\"];")
        lines.append("  edge [fontname=\"Helvetica\", fontsize=9, color=\"#505a5f\"];")
        lines.append("  start [label=\"Start\", shape=oval, fillcolor=\"#d2e2f1\"];")
        lines.append("  report [label=\"Report\", shape=oval, fillcolor=\"#d2e2f1\"];")
        let needsChoice = toolkit.tracks.count > 1 || !toolkit.openingParts.isEmpty
        if needsChoice {
            lines.append("  tracks [label=\"Which rules apply?\", shape=diamond, fillcolor=\"#f3f2f1\"];")
        }

        // Nodes, grouped in clusters: opening parts, then each track holding its parts.
        for (index, part) in toolkit.openingParts.enumerated() {
            cluster(part, name: "cluster_opening_\(index)", indent: "  ")
        }
        for (trackIndex, track) in toolkit.tracks.enumerated() {
            if needsChoice {
                lines.append("  subgraph \(quote("cluster_track_\(trackIndex)")) {")
                lines.append("    label=\(quote("Track: " + track.title)); style=dashed; color=\"#b1b4b6\";")
                lines.append("    \(quote(trackNode(trackIndex))) [label=\(quote(wrap(track.title, 28))), shape=cds, fillcolor=\"#f3f2f1\"];")
                for (index, part) in track.parts.enumerated() {
                    cluster(part, name: "cluster_track_\(trackIndex)_\(index)", indent: "    ")
                }
                lines.append("  }")
            } else {
                for (index, part) in track.parts.enumerated() {
                    cluster(part, name: "cluster_part_\(index)", indent: "  ")
                }
            }
        }

        // Edges.
        if needsChoice {
            let opening = toolkit.openingParts.flatMap(\.questions)
            walk(from: "start", source: nil, after: -1, in: opening, exit: "tracks")
            for (index, question) in opening.enumerated() {
                walk(from: node(question), source: question, after: index, in: opening, exit: "tracks")
            }
            for (trackIndex, track) in toolkit.tracks.enumerated() {
                let label = track.when.map { describe($0, from: nil) } ?? (trackIndex == toolkit.tracks.count - 1 ? "otherwise" : "always")
                edge("tracks", trackNode(trackIndex), label: label)
                let questions = track.parts.flatMap(\.questions)
                walk(from: trackNode(trackIndex), source: nil, after: -1, in: questions, exit: "report")
                for (index, question) in questions.enumerated() {
                    walk(from: node(question), source: question, after: index, in: questions, exit: "report")
                }
            }
        } else {
            let questions = toolkit.tracks.first?.parts.flatMap(\.questions) ?? []
            walk(from: "start", source: nil, after: -1, in: questions, exit: "report")
            for (index, question) in questions.enumerated() {
                walk(from: node(question), source: question, after: index, in: questions, exit: "report")
            }
        }
        lines.append("}")
    }

    private mutating func cluster(_ part: Part, name: String, indent: String) {
        lines.append("\(indent)subgraph \(quote(name)) {")
        lines.append("\(indent)  label=\(quote(wrap(part.title, 40))); style=\"rounded,filled\"; fillcolor=\"#f8f8f8\"; color=\"#b1b4b6\";")
        for question in part.questions {
            var attributes = ["label=\(quote(wrap(question.text, 30) + "\n(" + question.id + ")"))",
                              "tooltip=\(quote(question.location.file))"]
            if question.showIf != nil { attributes.append("style=\"rounded,filled,dashed\"") }
            if let url = link?(question) { attributes += ["URL=\(quote(url))", "target=\"_top\""] }
            lines.append("\(indent)  \(quote(node(question))) [\(attributes.joined(separator: ", "))];")
        }
        lines.append("\(indent)}")
    }

    /// Writes the edges from `from` (the node of `source`, or of the run's start) onwards.
    private mutating func walk(from: String, source: Question?, after: Int, in questions: [Question], exit: String) {
        for edge in edges.edges(from: source, after: after, in: questions) {
            let to = edge.to.map(node) ?? exit
            switch edge.reason {
            case .next: self.edge(from, to, label: nil)
            case .otherwise: self.edge(from, to, label: "otherwise")
            case let .condition(condition): self.edge(from, to, label: describe(condition, from: source), tooltip: condition.source)
            }
        }
    }

    private mutating func edge(_ from: String, _ to: String, label: String?, tooltip: String? = nil) {
        var attributes: [String] = []
        if let label { attributes.append("label=\(quote(label))") }
        if let tooltip { attributes.append("tooltip=\(quote(tooltip))") }
        lines.append("  \(quote(from)) -> \(quote(to))" + (attributes.isEmpty ? "" : " [\(attributes.joined(separator: ", "))]") + ";")
    }

    /// A condition in the words of the answers when it only looks at the question just answered,
    /// else in its own syntax made compact. Long labels are cut short; the edge's tooltip has them whole.
    private func describe(_ condition: Condition, from source: Question?) -> String {
        var text = compact(condition)
        if condition.questionIDs.count == 1, let question = questions[condition.questionIDs[0]] {
            func labels(_ options: [Located<String>]) -> String {
                options.map { option in
                    let label = question.option(option.value)?.label ?? option.value
                    return label.count <= 24 ? label : option.value
                }.joined(separator: " or ")
            }
            // From the question itself, the answers say it all; from elsewhere, name the question.
            let prefix = question.id == source?.id ? "" : question.id + ": "
            switch condition {
            case let .equals(_, option): text = prefix + labels([option])
            case let .oneOf(_, options): text = prefix + labels(options)
            case let .includes(_, option): text = prefix + labels([option]) + " chosen"
            case let .not(.equals(_, option)): text = prefix + "not " + labels([option])
            default: break
            }
        }
        let lines = wrap(text, 30).split(separator: "\n", omittingEmptySubsequences: false)
        return lines.count <= 4 ? lines.joined(separator: "\n") : lines.prefix(4).joined(separator: "\n") + " …"
    }

    /// The condition as written, with `q includes a or q includes b` shortened to `q includes any of [a, b]`.
    private func compact(_ condition: Condition) -> String {
        guard case .or = condition else { return condition.source }
        var terms: [Condition] = []
        func flatten(_ c: Condition) { if case let .or(a, b) = c { flatten(a); flatten(b) } else { terms.append(c) } }
        flatten(condition)
        var parts: [String] = []
        var index = 0
        while index < terms.count {
            if case let .includes(question, _) = terms[index] {
                var options: [String] = []
                while index < terms.count, case let .includes(q, option) = terms[index], q.value == question.value {
                    options.append(option.value)
                    index += 1
                }
                parts.append(options.count == 1 ? "\(question.value) includes \(options[0])"
                             : "\(question.value) includes any of [\(options.joined(separator: ", "))]")
            } else {
                let text = terms[index].source
                if case .and = terms[index] { parts.append("(\(text))") } else { parts.append(text) }
                index += 1
            }
        }
        return parts.joined(separator: " or ")
    }

    private func node(_ question: Question) -> String { "q:" + question.id }

    private func trackNode(_ index: Int) -> String { "track:\(toolkit.tracks[index].id)" }
}

/// A DOT string literal.
private func quote(_ text: String) -> String {
    var out = "\""
    for c in text {
        switch c {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": break
        default: out.append(c)
        }
    }
    return out + "\""
}

/// Breaks text into lines of about `width` characters at spaces.
private func wrap(_ text: String, _ width: Int) -> String {
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ") {
        if !line.isEmpty, line.count + 1 + word.count > width {
            lines.append(line)
            line = ""
        }
        line += (line.isEmpty ? "" : " ") + word
    }
    if !line.isEmpty { lines.append(line) }
    return lines.joined(separator: "\n")
}
