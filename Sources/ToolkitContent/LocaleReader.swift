import ToolkitModel
import Yams

/// Reads one of the theme's locale files (theme/locales/LANGUAGE.yml) into the interface's words, keeping
/// where each key and string is written, so that the theme's checks can point at them.
///
/// The file is nested groups of `key: text`. A map whose keys are all plural forms (zero, one, two, few,
/// many, other) is one plural string; a list is a list of strings (the months). Keys are lower case
/// letters, digits and hyphens, and become dotted: `report: { summary: { heading: Summary } }` is
/// `report.summary.heading`.
public enum LocaleReader {
    public static func read(_ text: String, path: String, language: String) -> (text: InterfaceText, diagnostics: [Diagnostic]) {
        var reading = Reading(path: path, lines: YAMLLines(text))
        var result = InterfaceText(language: language, file: path)
        if let problem = YAMLNesting.check(text) {
            let (line, column) = reading.lines.fileLineAndColumn(yamlLine: problem.line + 1, yamlColumn: problem.column + 1)
            let at = SourceLocation(file: path, line: line, column: column)
            switch problem.kind {
            case .tooDeep:
                reading.diagnostics.append(.error("the locale file nests more than \(YAMLNesting.limit) levels deep here", at: at,
                                                  fix: "group keys a few levels deep at most, as en.yml does"))
            case let .alias(character):
                reading.diagnostics.append(.error("a locale file cannot use YAML anchors or aliases ('\(character)')", at: at,
                                                  fix: "write the string out in full; to start a string with '\(character)', put it in quotes"))
            }
            return (result, reading.diagnostics)
        }
        do {
            guard let node = try Yams.compose(yaml: text) else { return (result, reading.diagnostics) }
            guard case .mapping = node else {
                reading.diagnostics.append(.error("the locale file is not a list of keys and strings", at: reading.location(of: node),
                                                  fix: "write each string on its own line as 'key: text', grouped as en.yml is"))
                return (result, reading.diagnostics)
            }
            reading.group(node, prefix: "")
        } catch let error as YamlError {
            reading.diagnostics.append(yamlError(error, path: path, lines: reading.lines))
        } catch {
            reading.diagnostics.append(.error("the locale file could not be read: \(error)", at: SourceLocation(file: path, line: 1, column: 1)))
        }
        result.entries = reading.entries
        return (result, reading.diagnostics)
    }

    static func yamlError(_ error: YamlError, path: String, lines: YAMLLines) -> Diagnostic {
        let fix = "check the indentation, and put quotes around a string that contains ': ' or starts with [, {, ', \" or #"
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            let (line, column) = lines.fileLineAndColumn(yamlLine: mark.line, yamlColumn: mark.column)
            return .error("the locale file is not valid YAML: \(problem)", at: SourceLocation(file: path, line: line, column: column), fix: fix)
        default:
            return .error("the locale file is not valid YAML: \(error)", at: SourceLocation(file: path, line: 1, column: 1), fix: fix)
        }
    }

    private struct Reading {
        let path: String
        let lines: YAMLLines
        var entries: [String: InterfaceText.Entry] = [:]
        var diagnostics: [Diagnostic] = []

        init(path: String, lines: YAMLLines) { self.path = path; self.lines = lines }

        func location(of node: Node) -> SourceLocation {
            guard let mark = node.mark else { return SourceLocation(file: path, line: 1, column: 1) }
            let (line, column) = lines.fileLineAndColumn(yamlLine: mark.line, yamlColumn: mark.column)
            return SourceLocation(file: path, line: line, column: column)
        }

        /// Where a string starts: past the opening quote of a quoted one.
        func valueStart(_ node: Node) -> SourceLocation {
            let quoted = node.scalar.map { $0.style == .singleQuoted || $0.style == .doubleQuoted } ?? false
            return location(of: node).movedRight(by: quoted ? 1 : 0)
        }

        mutating func group(_ node: Node, prefix: String) {
            var seen: [String: SourceLocation] = [:]
            for (keyNode, value) in node.mapping ?? [:] {
                let name = keyNode.scalar?.string ?? ""
                let at = location(of: keyNode)
                guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) else {
                    diagnostics.append(.error("'\(name)' is not a key a locale file can use", at: at,
                                              fix: "write keys in lower case letters, digits and hyphens, like 'start-now'"))
                    continue
                }
                if let first = seen[name] {
                    diagnostics.append(.error("the key '\(prefix + name)' is written twice (first at line \(first.line))", at: at,
                                              fix: "keep one of the two"))
                    continue
                }
                seen[name] = at
                entry(value, key: prefix + name, at: at)
            }
        }

        mutating func entry(_ value: Node, key: String, at: SourceLocation) {
            switch value {
            case let .mapping(mapping) where !mapping.isEmpty && mapping.keys.allSatisfy({ PluralCategory(rawValue: $0.scalar?.string ?? "") != nil }):
                var forms: [PluralCategory: Located<String>] = [:]
                for (form, text) in mapping {
                    if let category = PluralCategory(rawValue: form.scalar?.string ?? ""), let string = string(text, key: "\(key).\(category)") {
                        forms[category] = string
                    }
                }
                entries[key] = InterfaceText.Entry(.plural(forms), at: at)
            case .mapping:
                group(value, prefix: key + ".")
            case let .sequence(items):
                entries[key] = InterfaceText.Entry(.list(items.compactMap { string($0, key: key) }), at: at)
            case .scalar:
                if let text = string(value, key: key) { entries[key] = InterfaceText.Entry(.text(text), at: at) }
            default:
                diagnostics.append(.error("'\(key)' cannot be read as a string", at: at, fix: "write it as 'key: text'"))
            }
        }

        /// A string; an empty value is reported, since a blank on a page is never meant (write "" for one that is).
        mutating func string(_ node: Node, key: String) -> Located<String>? {
            guard let scalar = node.scalar else {
                diagnostics.append(.error("'\(key)' should be a string, not a list or a group", at: location(of: node),
                                          fix: "write it as 'key: text'"))
                return nil
            }
            if scalar.string.isEmpty && scalar.style == .plain {
                diagnostics.append(.error("'\(key)' has no text", at: location(of: node), fix: "write the words after the colon"))
                return nil
            }
            return Located(scalar.string, at: valueStart(node))
        }
    }
}
