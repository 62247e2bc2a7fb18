import Foundation
import ToolkitModel
import Yams

/// One block of front matter, read as YAML nodes so that every value keeps its line and column.
/// Scalars are read as the text written: `yes` stays the string "yes", never YAML 1.1's boolean.
struct FrontMatter {
    let path: String
    let firstLine: Int
    let start: SourceLocation
    private let lines: YAMLLines
    private let text: String
    private var fields: [(key: String, keyLocation: SourceLocation, value: Node)] = []

    /// Reports YAML errors and keys not in `allowed` (with a 'did you mean').
    init?(_ text: String, path: String, firstLine: Int, allowed: [String], diagnostics: inout [Diagnostic]) {
        self.path = path
        self.firstLine = firstLine
        self.start = SourceLocation(file: path, line: max(firstLine - 1, 1), column: 1)
        self.lines = YAMLLines(text)
        self.text = text
        // Yams recurses once per level and crashes past a few thousand: measure before it reads.
        if let problem = YAMLNesting.check(text) {
            diagnostics.append(FrontMatter.diagnostic(for: problem, path: path, firstLine: firstLine, lines: lines))
            return nil
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            diagnostics.append(FrontMatter.diagnostic(for: error, path: path, firstLine: firstLine, lines: lines))
            return nil
        } catch {
            diagnostics.append(.error("the front matter could not be read: \(error)", at: start))
            return nil
        }
        guard let node else { return }
        guard let mapping = node.mapping else {
            diagnostics.append(.error("the front matter is not a list of settings", at: location(of: node),
                                      fix: "write each setting on its own line as 'name: value'"))
            return nil
        }
        for (key, value) in mapping {
            let name = key.scalar?.string ?? ""
            let keyLocation = location(of: key)
            if !allowed.contains(name) {
                let suggestion = closestMatch(to: name, in: allowed).map { "did you mean '\($0)'? " } ?? ""
                diagnostics.append(.error("unknown setting '\(name)'", at: keyLocation,
                                          fix: "\(suggestion)the settings here are: \(allowed.joined(separator: ", "))"))
                continue
            }
            fields.append((name, keyLocation, value))
        }
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

    func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return start }
        let (line, column) = lines.fileLineAndColumn(yamlLine: mark.line, yamlColumn: mark.column)
        return SourceLocation(file: path, line: firstLine + line - 1, column: column)
    }

    func node(_ key: String) -> Node? { fields.first { $0.key == key }?.value }

    /// A text setting. A missing required setting is reported with how to add it.
    func string(_ key: String, required: Bool = false, example: String = "…",
                diagnostics: inout [Diagnostic]) -> Located<String>? {
        guard let node = node(key) else {
            if required {
                diagnostics.append(.error("the setting '\(key)' is missing", at: start,
                                          fix: "add a line '\(key): \(example)' to the front matter"))
            }
            return nil
        }
        guard let scalar = node.scalar else {
            diagnostics.append(.error("'\(key)' should be a single value, not a list", at: location(of: node),
                                      fix: "write it as '\(key): \(example)'"))
            return nil
        }
        let text = scalar.string.trimmed
        if text.isEmpty && required {
            diagnostics.append(.error("the setting '\(key)' is empty", at: location(of: node),
                                      fix: "write it as '\(key): \(example)'"))
            return nil
        }
        return Located(text, at: valueStart(node))
    }

    /// Where the text of a scalar starts: past the opening quote of a quoted one.
    func valueStart(_ node: Node) -> SourceLocation {
        let quoted = node.scalar.map { $0.style == .singleQuoted || $0.style == .doubleQuoted } ?? false
        return location(of: node).movedRight(by: quoted ? 1 : 0)
    }

    /// A list setting; a single value is taken as a list of one.
    func list(_ key: String) -> [Node]? {
        guard let node = node(key) else { return nil }
        if let sequence = node.sequence { return Array(sequence) }
        if let scalar = node.scalar, scalar.string.isEmpty { return [] }
        return [node]
    }

    /// A date setting, YYYY-MM-DD, that names a real day; reported where it is written when it does not.
    func locatedDate(_ key: String, required: Bool, diagnostics: inout [Diagnostic]) -> Located<String>? {
        guard let value = string(key, required: required, example: "2026-11-25", diagnostics: &diagnostics) else { return nil }
        guard CalendarDate.hasDateForm(value.value) else {
            diagnostics.append(.error("'\(value.value)' is not a date in the form YYYY-MM-DD", at: value.location,
                                      fix: "write the date like 2026-11-25"))
            return nil
        }
        guard CalendarDate(value.value) != nil else {
            diagnostics.append(.error("'\(value.value)' is not a real date", at: value.location,
                                      fix: "check the day and the month: write a day that exists, like 2026-11-25"))
            return nil
        }
        return value
    }

    /// The file's `law-checked` (or, in toolkit.md, `law-as-at`) and `review-by` dates.
    func lawDates(checkedKey: String = "law-checked", required: Bool, diagnostics: inout [Diagnostic]) -> LawDates {
        LawDates(file: path,
                 lawChecked: locatedDate(checkedKey, required: required, diagnostics: &diagnostics),
                 reviewBy: locatedDate("review-by", required: required, diagnostics: &diagnostics))
    }

    /// Parses a condition setting, reporting syntax errors at the exact column.
    func condition(_ key: String, diagnostics: inout [Diagnostic]) -> Condition? {
        guard let text = string(key, diagnostics: &diagnostics) else { return nil }
        let locator = ValueLocator(value: text.value, start: text.location, text: self.text, firstLine: firstLine)
        switch ConditionParser.parse(text.value, locate: locator.location(ofOffset:)) {
        case let .success(condition): return condition
        case let .failure(failure):
            diagnostics.append(.error("the condition in '\(key)' cannot be read: \(failure.message)",
                                      at: failure.location,
                                      fix: failure.fix ?? "write a condition like 'question-id = answer-id'; content/README.md lists the forms"))
            return nil
        }
    }
}
