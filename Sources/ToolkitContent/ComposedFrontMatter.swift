import ToolkitModel
import Yams

/// Front matter read by Yams: any YAML, with libyaml's own errors, each placed in the file. The loader
/// comes here for what `PlainFrontMatter` leaves (quotes, comments, flow mappings, wrapped values, tags,
/// mistakes), so every message and place is Yams's.
enum ComposedFrontMatter {
    /// The top level's pairs (none for an empty text), or nil after reporting why they cannot be read.
    static func read(_ text: String, path: String, firstLine: Int, start: SourceLocation,
                     diagnostics: inout [Diagnostic]) -> [(key: FrontMatterValue, value: FrontMatterValue)]? {
        let lines = YAMLLines(text)
        // Yams recurses once per level and crashes past a few thousand: measure before it reads.
        if let problem = YAMLNesting.check(text) {
            diagnostics.append(diagnostic(for: problem, path: path, firstLine: firstLine, lines: lines))
            return nil
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            diagnostics.append(diagnostic(for: error, path: path, firstLine: firstLine, lines: lines))
            return nil
        } catch {
            diagnostics.append(.error("the front matter could not be read: \(error)", at: start))
            return nil
        }
        guard let node else { return [] }
        let value = FrontMatterValue(node) { mark in
            guard let mark else { return start }
            let (line, column) = lines.fileLineAndColumn(yamlLine: mark.line, yamlColumn: mark.column)
            return SourceLocation(file: path, line: firstLine + line - 1, column: column)
        }
        guard let pairs = value.pairs else {
            diagnostics.append(.error("the front matter is not a list of settings", at: value.location,
                                      fix: "write each setting on its own line as 'name: value'"))
            return nil
        }
        return pairs
    }

    static func diagnostic(for error: YamlError, path: String, firstLine: Int, lines: YAMLLines) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            let (line, column) = lines.fileLineAndColumn(yamlLine: mark.line, yamlColumn: mark.column)
            return SourceLocation(file: path, line: firstLine + line - 1, column: column)
        }
        let fix = "check the indentation, and put quotes around a value that contains ': ' or starts with [, {, ', \" or #"
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return .error("the front matter is not valid YAML: \(problem)", at: at(mark), fix: fix)
        default:
            return .error("the front matter is not valid YAML: \(error)",
                          at: SourceLocation(file: path, line: firstLine, column: 1), fix: fix)
        }
    }

    static func diagnostic(for problem: YAMLNesting.Problem, path: String, firstLine: Int, lines: YAMLLines) -> Diagnostic {
        let (line, column) = lines.fileLineAndColumn(yamlLine: problem.line + 1, yamlColumn: problem.column + 1)
        let location = SourceLocation(file: path, line: firstLine + line - 1, column: column)
        switch problem.kind {
        case .tooDeep:
            return .error("the front matter nests more than \(YAMLNesting.limit) levels deep here", at: location,
                          fix: "settings nest a few levels at most: check for stray '[', '{' or '- ', or put quotes around a value that starts with one")
        case let .alias(character):
            return .error("front matter cannot use YAML anchors or aliases ('\(character)')", at: location,
                          fix: "write the value out in full; to start a value with '\(character)', put it in quotes")
        }
    }
}

extension FrontMatterValue {
    /// Yams's node as a value, each placed by `locate` from its mark. No deeper than `YAMLNesting.limit`,
    /// so the recursion is shallow.
    init(_ node: Node, locate: (Mark?) -> SourceLocation) {
        switch node {
        case let .scalar(scalar):
            // The tag as parsed: `description` is its name, empty when none was written.
            let tag = scalar.tag.description
            self.init(form: .text(scalar.string, quoted: scalar.style == .singleQuoted || scalar.style == .doubleQuoted,
                                  tag: tag.isEmpty ? nil : tag),
                      location: locate(scalar.mark))
        case let .sequence(sequence):
            self.init(form: .list(sequence.map { FrontMatterValue($0, locate: locate) }), location: locate(sequence.mark))
        case let .mapping(mapping):
            self.init(form: .pairs(mapping.map { (FrontMatterValue($0.key, locate: locate), FrontMatterValue($0.value, locate: locate)) }),
                      location: locate(mapping.mark))
        }
    }
}
