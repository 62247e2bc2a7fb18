import ToolkitModel

/// One block of front matter, read as YAML values so that every value keeps its line and column.
/// Scalars are read as the text written: `yes` stays the string "yes", never YAML 1.1's boolean.
struct FrontMatter {
    let path: String
    let firstLine: Int
    let start: SourceLocation
    private let text: String
    private var fields: [(key: String, value: FrontMatterValue)] = []

    /// Reports YAML errors and keys not in `allowed` (with a 'did you mean').
    init?(_ text: String, path: String, firstLine: Int, allowed: [String], diagnostics: inout [Diagnostic]) {
        self.path = path
        self.firstLine = firstLine
        self.start = SourceLocation(file: path, line: max(firstLine - 1, 1), column: 1)
        self.text = text
        // The plain reader takes nearly every file; Yams reads the rest, and reports their mistakes.
        guard let pairs = PlainFrontMatter.read(text, path: path, firstLine: firstLine)
                ?? ComposedFrontMatter.read(text, path: path, firstLine: firstLine, start: start, diagnostics: &diagnostics)
        else { return nil }
        fields.reserveCapacity(pairs.count)
        for (key, value) in pairs {
            let name = key.text ?? ""
            if !allowed.contains(name) {
                let suggestion = closestMatch(to: name, in: allowed).map { "did you mean '\($0)'? " } ?? ""
                diagnostics.append(.error("unknown setting '\(name)'", at: key.location,
                                          fix: "\(suggestion)the settings here are: \(allowed.joined(separator: ", "))"))
                continue
            }
            fields.append((name, value))
        }
    }

    func location(of value: FrontMatterValue) -> SourceLocation { value.location }

    func node(_ key: String) -> FrontMatterValue? { fields.first { $0.key == key }?.value }

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
        guard let written = node.text else {
            diagnostics.append(.error("'\(key)' should be a single value, not a list", at: location(of: node),
                                      fix: "write it as '\(key): \(example)'"))
            return nil
        }
        let text = written.trimmed
        if text.isEmpty && required {
            diagnostics.append(.error("the setting '\(key)' is empty", at: location(of: node),
                                      fix: "write it as '\(key): \(example)'"))
            return nil
        }
        return Located(text, at: valueStart(node))
    }

    /// Where a value's text starts: past the opening quote of a quoted one.
    func valueStart(_ value: FrontMatterValue) -> SourceLocation {
        value.location.movedRight(by: value.isQuoted ? 1 : 0)
    }

    /// A list setting; a single value is taken as a list of one.
    func list(_ key: String) -> [FrontMatterValue]? {
        guard let node = node(key) else { return nil }
        if let items = node.items { return items }
        if node.text?.isEmpty == true { return [] }
        return [node]
    }

    /// A date setting, YYYY-MM-DD, that names a real day; reported where it is written when it does not.
    func locatedDate(_ key: String, required: Bool, diagnostics: inout [Diagnostic]) -> Located<String>? {
        guard let value = string(key, required: required, example: "2026-11-25", diagnostics: &diagnostics) else { return nil }
        // A real day has the form too: the form is asked about only to say what is wrong.
        if CalendarDate(value.value) != nil { return value }
        guard CalendarDate.hasDateForm(value.value) else {
            diagnostics.append(.error("'\(value.value)' is not a date in the form YYYY-MM-DD", at: value.location,
                                      fix: "write the date like 2026-11-25"))
            return nil
        }
        diagnostics.append(.error("'\(value.value)' is not a real date", at: value.location,
                                  fix: "check the day and the month: write a day that exists, like 2026-11-25"))
        return nil
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
