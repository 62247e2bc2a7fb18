/// Where each of libyaml's lines starts in the file.
///
/// libyaml breaks lines at "\n", "\r\n", a lone "\r", U+0085, U+2028 and U+2029; the content files (and
/// an editor's line numbers) break only at "\n". Without this, a U+2028 in a value shifts every later
/// line that Yams reports.
struct YAMLLines {
    /// For libyaml's line n (0-based): the file's line (0-based, within the text) and the column it starts at.
    private var starts: [(line: Int, column: Int)] = [(0, 0)]

    init(_ text: String) {
        var line = 0, column = 0
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n":
                line += 1; column = 0
                if previous != "\r" { starts.append((line, 0)) } else { starts[starts.count - 1] = (line, 0) }
            case "\r", "\u{85}", "\u{2028}", "\u{2029}":
                column += 1
                starts.append((line, column))
            default:
                column += 1
            }
            previous = scalar
        }
    }

    /// The file's (line, column), both 1-based within the text, for libyaml's 1-based line and column.
    func fileLineAndColumn(yamlLine: Int, yamlColumn: Int) -> (line: Int, column: Int) {
        guard yamlLine >= 1 else { return (1, max(yamlColumn, 1)) }
        // libyaml marks the end of the text on the line after the last one.
        guard yamlLine <= starts.count else { return (starts[starts.count - 1].line + 1 + yamlLine - starts.count, yamlColumn) }
        let start = starts[yamlLine - 1]
        return (start.line + 1, start.column + yamlColumn)
    }
}
