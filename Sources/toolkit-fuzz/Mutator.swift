import ToolkitTestSupport

/// Changes a text the way a slip of the keyboard, a bad merge or an attacker might: tokens of YAML,
/// Markdown and the condition language put in, cut out, repeated (thousands of times, to cross every
/// limit), and pieces of other files spliced in. Each input is a function of its seed alone.
struct Mutator {
    static let tokens: [String] = [
        "[", "]", "{", "}", "- ", ": ", ":", ",", "\n", "\n  ", "\n    ", "---\n", "***\n", "'", "''", "\"", "\\\"",
        "|", "|-\n", ">", "&a ", "*a", "!t ", "? ", "#", " #", "\t", "\r\n", "\u{0}", "é", "\u{2028}", "\u{FEFF}",
        "not ", "not (", "(", ")", " or ", " and ", " in [", " includes ", " = ", " != ", "yes", "no", "not-sure",
        "[t](glossary:", "](glossary:", "glossary:", "show-if: ", "when: ", "for: ", "options: ", "type: any\n",
        "type: one\n", "priority: act-now\n", "priority: plan\n", "id: ", "question: Q?\n", "headline: H\n",
        "links:\n  - title: a\n    url: https://x.org\n", "law-checked: 2026-11-01\n", "review-by: 2027-05-01\n",
        "<script>", "## ", "# ", "```\n", "[a](b)", "~~~", "<!--", "-->", "&amp;", "\\",
    ]
    static let repeats = [2, 3, 5, 8, 20, 21, 33, 100, 257, 1_000, 5_000]
    static let largest = 200_000

    var random: SeededRandom

    init(seed: UInt64) { random = SeededRandom(seed: seed) }

    mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(random.next() % UInt64(n)) }

    mutating func mutate(_ text: [UInt8], splicing others: [[UInt8]]) -> [UInt8] {
        var bytes = text
        for _ in 0..<(1 + below(4)) {
            let at = below(bytes.count + 1)
            switch below(8) {
            case 0: // insert a token
                bytes.insert(contentsOf: Array(Self.tokens[below(Self.tokens.count)].utf8), at: at)
            case 1: // replace a short run with a token
                let end = min(bytes.count, at + below(8))
                bytes.replaceSubrange(at..<end, with: Array(Self.tokens[below(Self.tokens.count)].utf8))
            case 2: // cut a run
                bytes.removeSubrange(at..<min(bytes.count, at + 1 + below(40)))
            case 3: // repeat a token many times
                let token = Array(Self.tokens[below(Self.tokens.count)].utf8)
                let count = Self.repeats[below(Self.repeats.count)]
                bytes.insert(contentsOf: (0..<count).flatMap { _ in token }, at: at)
            case 4: // repeat a piece of the text itself
                let end = min(bytes.count, at + 1 + below(12))
                let piece = Array(bytes[at..<end])
                bytes.insert(contentsOf: (0..<Self.repeats[below(Self.repeats.count)]).flatMap { _ in piece }, at: at)
            case 5: // any byte, valid UTF-8 or not
                if at < bytes.count { bytes[at] = UInt8(truncatingIfNeeded: random.next()) }
            case 6: // splice in part of another file
                let other = others[below(others.count)]
                let start = below(other.count)
                bytes.insert(contentsOf: other[start..<min(other.count, start + below(400))], at: at)
            default: // duplicate a line
                let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
                let line = lines[below(lines.count)]
                bytes.insert(contentsOf: Array(line) + [UInt8(ascii: "\n")], at: at)
            }
            if bytes.count > Self.largest { bytes = Array(bytes.prefix(Self.largest)) }
        }
        return bytes
    }
}
