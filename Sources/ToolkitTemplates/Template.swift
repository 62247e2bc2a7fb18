/// A theme's template, parsed once when the theme loads and rendered for every page: `{{name}}`,
/// `{{{name}}}` and `{{& name}}`, sections `{{#name}}` and `{{^name}}`, partials `{{> name}}`, comments
/// `{{! ... }}` and changed delimiters `{{=<% %>=}}`, as the Mustache specification defines them. A tag
/// alone on its line (but a value's) takes its line with it, so templates can be laid out freely.
public struct Template: Sendable {
    let nodes: [TemplateNode]
    /// Each partial the template includes, with where its tag starts, for the theme's loader to check.
    public let partials: [Include]

    public struct Include: Sendable, Equatable {
        public var name: String
        public var line: Int
        public var column: Int
    }

    /// The template, or every problem found in it, each at its line and column.
    public static func parse(_ source: String) -> Result<Template, TemplateErrors> {
        var scanner = TemplateScanner(Array(source.utf8))
        let pieces = scanner.pieces()
        var errors = scanner.errors
        let (nodes, partials) = TemplateTree.build(TemplateLines.removingStandaloneLines(pieces), errors: &errors)
        guard errors.isEmpty else { return .failure(TemplateErrors(errors: errors)) }
        return .success(Template(nodes: nodes, partials: partials))
    }
}

/// What a template writes.
indirect enum TemplateNode: Sendable {
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}`: a name is its dotted parts; `{{.}}` has none.
    case value(name: [String], escaped: Bool)
    case section(name: [String], nodes: [TemplateNode], inverted: Bool)
    /// `{{> name}}`; a partial alone on its line is indented as its tag is.
    case partial(name: String, indentation: [UInt8])
}

/// A problem in a template, at its 1-based line and column.
public struct TemplateError: Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var line: Int
    public var column: Int
    public var fix: String

    public var description: String { "\(line):\(column): \(message). \(fix)" }
}

public struct TemplateErrors: Error, Sendable {
    public var errors: [TemplateError]
}
