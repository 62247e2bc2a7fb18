import ToolkitModel

/// The partials a template includes (`{{> name}}`, and `{{< name}}` for a parent template), each with
/// where its tag starts. Mustache renders a partial it cannot find as nothing, so a misspelt or missing one
/// would leave a page without its header or footer and no one would be told: the theme's loader checks
/// each against the templates it has. Follows `{{=<% %>=}}` changes of delimiters and skips comments;
/// dynamic partials (`{{> *name}}`) are named by the page's values, so they are not checked.
enum TemplatePartials {
    static func included(in template: String) -> [(name: String, line: Int, column: Int)] {
        let text = Array(template.unicodeScalars)
        var open = Array("{{".unicodeScalars), close = Array("}}".unicodeScalars)
        var found: [(String, Int, Int)] = []
        var index = 0, line = 1, lineStart = 0
        func starts(_ token: [Unicode.Scalar], at position: Int) -> Bool {
            position + token.count <= text.count && Array(text[position..<(position + token.count)]) == token
        }
        /// The offset just past the next `close`, or the end.
        func end(from position: Int) -> Int {
            var position = position
            while position < text.count, !starts(close, at: position) { position += 1 }
            return min(position + close.count, text.count)
        }
        func skipBlanks(_ position: inout Int, before limit: Int) {
            while position < limit, text[position].properties.isWhitespace { position += 1 }
        }
        while index < text.count {
            if text[index] == "\n" { line += 1; lineStart = index + 1; index += 1; continue }
            guard starts(open, at: index) else { index += 1; continue }
            let tagStart = index, tagLine = line, tagColumn = index - lineStart + 1
            var position = index + open.count
            let after = end(from: position)
            let kind = position < text.count ? text[position] : " "
            if kind == ">" || kind == "<" {
                position += 1
                skipBlanks(&position, before: after)
                var name = String.UnicodeScalarView()
                while position < after, !starts(close, at: position), !text[position].properties.isWhitespace {
                    name.append(text[position]); position += 1
                }
                if !name.isEmpty, name.first != "*" { found.append((String(name), tagLine, tagColumn)) }
            } else if kind == "=" {
                // {{=<% %>=}}: the new delimiters, up to the closing '=' and the old close.
                let body = String(String.UnicodeScalarView(text[(position + 1)..<max(position + 1, after - close.count)]))
                let parts = body.split(whereSeparator: { $0.isWhitespace || $0 == "=" })
                if parts.count == 2 { open = Array(parts[0].unicodeScalars); close = Array(parts[1].unicodeScalars) }
            }
            // Count the lines inside the tag, then go on after it.
            for offset in tagStart..<after where text[offset] == "\n" { line += 1; lineStart = offset + 1 }
            index = after
        }
        return found
    }
}
