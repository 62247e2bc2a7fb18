/// Measures how deeply a block of front matter nests before Yams reads it.
///
/// Why: Yams builds its tree by recursion, one stack frame per level, and crashes the whole tool
/// (SIGSEGV, no message) at about 4,500 levels. Real front matter nests 4 or 5 deep. So the text is
/// scanned first, without recursion, and anything deeper than `limit` is refused with a located error.
///
/// The scan follows libyaml's rules for where a token starts, so that a quote or a bracket counts only
/// where libyaml would read it as one. Where the rules are too fine to follow here, it errs towards a
/// higher count: an estimate too high refuses odd but harmless YAML, one too low would let a crash in.
/// Anchors and aliases (`&a`, `*a`) are refused too: they can rebuild deep trees from shallow text, and
/// front matter has no use for them.
enum YAMLNesting {
    /// Generous: the deepest front matter in the shipped content nests 5 levels.
    static let limit = 20

    struct Problem: Equatable {
        enum Kind: Equatable { case tooDeep, alias(Character) }
        var kind: Kind
        /// libyaml's 0-based line within the front matter, and 0-based column in Unicode scalars.
        var line: Int
        var column: Int
    }

    /// The problem's line and column are libyaml's (see `YAMLLines` for the file's).
    static func check(_ text: String) -> Problem? {
        var scanner = Scanner()
        for (number, line) in lines(text).enumerated() {
            if let problem = scanner.scan(line, number: number) { return problem }
        }
        return nil
    }

    /// The text cut into lines where libyaml cuts it: at "\n", "\r\n", "\r", U+0085, U+2028 and U+2029.
    static func lines(_ text: String) -> [[Unicode.Scalar]] {
        var lines: [[Unicode.Scalar]] = [[]]
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n" where previous == "\r": break
            case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}": lines.append([])
            default: lines[lines.count - 1].append(scalar)
            }
            previous = scalar
        }
        return lines
    }

    private struct Scanner {
        /// Columns at which the open block nodes start, innermost last.
        var blocks: [Int] = []
        var flowDepth = 0
        /// The quote character of a quoted scalar that runs on to the next line.
        var quote: Unicode.Scalar?
        /// Lines indented past this column continue a block scalar (`|`, `>`) or a plain scalar.
        var continuationAbove: Int?
        /// Whether the next character can start a node (so a quote or bracket there is one).
        var atNodeStart = true
        /// After a quoted scalar or a closed flow collection, `:` starts a value even without a space.
        var afterJSONLike = false
        /// The column of the block collection that holds the current node, and where the node began:
        /// libyaml continues a block or plain scalar over the lines indented past that collection.
        var collection = 0
        var nodeStart = 0

        var depth: Int { blocks.count + flowDepth }

        mutating func scan(_ s: [Unicode.Scalar], number: Int) -> Problem? {
            func isBlank(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" }
            func blankOrEnd(_ i: Int) -> Bool { i >= s.count || isBlank(s[i]) || s[i] == "\r" }
            let indent = s.prefix { $0 == " " }.count
            let isEmpty = s.allSatisfy { isBlank($0) || $0 == "\r" }
            var i = 0
            if quote == nil && flowDepth == 0 {
                if let above = continuationAbove {
                    if isEmpty || indent > above { return nil }
                    continuationAbove = nil
                }
                if isEmpty || s[indent] == "#" { return nil }
                if indent == 0, s.count >= 3, ["---", "..."].contains(String(String.UnicodeScalarView(s[0..<3]))), blankOrEnd(3) {
                    blocks = []; atNodeStart = true; return nil
                }
                while let last = blocks.last, last >= indent { blocks.removeLast() }
                blocks.append(indent)
                if depth > YAMLNesting.limit { return Problem(kind: .tooDeep, line: number, column: indent) }
                i = indent
                atNodeStart = true
                afterJSONLike = false
                collection = indent
            }
            var plainRunsOn = false
            while i < s.count {
                let c = s[i]
                if let q = quote {
                    if q == "'" && c == "'" {
                        if i + 1 < s.count && s[i + 1] == "'" { i += 2; continue }
                        quote = nil; atNodeStart = false; afterJSONLike = true
                    } else if q == "\"" && c == "\\" {
                        i += 2; continue
                    } else if q == "\"" && c == "\"" {
                        quote = nil; atNodeStart = false; afterJSONLike = true
                    }
                    i += 1; continue
                }
                if isBlank(c) || c == "\r" { i += 1; continue }
                if c == "#" && (i == 0 || isBlank(s[i - 1])) { plainRunsOn = false; break }
                if atNodeStart {
                    plainRunsOn = false
                    nodeStart = i
                    switch c {
                    case "'", "\"":
                        quote = c
                    case "[", "{":
                        flowDepth += 1
                        if depth > YAMLNesting.limit { return Problem(kind: .tooDeep, line: number, column: i) }
                    case "&", "*":
                        return Problem(kind: .alias(Character(c)), line: number, column: i)
                    case "!":
                        // A tag: skip it; the node starts after it.
                        while i < s.count && !isBlank(s[i]) && !(flowDepth > 0 && ",[]{}".unicodeScalars.contains(s[i])) { i += 1 }
                        continue
                    case "-" where blankOrEnd(i + 1), "?" where blankOrEnd(i + 1):
                        if flowDepth == 0 {
                            // A compact nested node (`- - x`, `- key: x`) starts after the indicator.
                            blocks.append(i + 2)
                            collection = i
                            if depth > YAMLNesting.limit { return Problem(kind: .tooDeep, line: number, column: i) }
                        }
                    case ":" where blankOrEnd(i + 1) || flowDepth > 0:
                        break
                    case "|" where flowDepth == 0, ">" where flowDepth == 0:
                        // A block scalar: the lines indented past this node's column are its text.
                        continuationAbove = collection
                        return nil
                    case "]" where flowDepth > 0, "}" where flowDepth > 0:
                        flowDepth -= 1; atNodeStart = false; afterJSONLike = true
                    case ",":
                        break
                    default:
                        atNodeStart = false; afterJSONLike = false; plainRunsOn = flowDepth == 0
                    }
                    i += 1; continue
                }
                // Inside a plain scalar, or just after a quoted scalar or a flow collection.
                if flowDepth > 0 {
                    switch c {
                    case ",": atNodeStart = true
                    case "[", "{":
                        flowDepth += 1; atNodeStart = true
                        if depth > YAMLNesting.limit { return Problem(kind: .tooDeep, line: number, column: i) }
                    case "]", "}":
                        flowDepth -= 1; afterJSONLike = true
                    case ":" where blankOrEnd(i + 1) || afterJSONLike || ",[]{}".unicodeScalars.contains(s[i + 1]):
                        atNodeStart = true
                    default: afterJSONLike = false
                    }
                } else if c == ":" && (blankOrEnd(i + 1) || afterJSONLike) {
                    // A value: its collection is the mapping whose key began at `nodeStart`.
                    atNodeStart = true; plainRunsOn = false; collection = nodeStart
                } else {
                    afterJSONLike = false
                }
                i += 1
            }
            // A plain scalar at the end of a line runs on over the lines indented past its node.
            if plainRunsOn && flowDepth == 0 && quote == nil { continuationAbove = collection }
            return nil
        }
    }
}
