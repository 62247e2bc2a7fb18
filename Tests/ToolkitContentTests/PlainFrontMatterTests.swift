import Foundation
import Testing
import ToolkitModel
import ToolkitTestSupport
@testable import ToolkitContent

/// The plain reader gives exactly what Yams composes (the same texts, lists and pairs, at the same lines and
/// columns), or leaves the text to Yams. Held to Yams on every front matter in the repository, on texts
/// chosen to sit at the edge of the plain forms, and on many mutations of the real ones.
struct PlainFrontMatterTests {
    typealias Pairs = [(key: FrontMatterValue, value: FrontMatterValue)]

    /// Every block of front matter in content/, Tests/Fixtures and the tests' own toolkits.
    static let corpus: [String] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var texts = Array(Fixtures.translatedToolkit.values) + Array(Fixtures.validToolkit.values)
        for folder in ["content", "Tests/Fixtures"] {
            let paths = FileManager.default.enumerator(atPath: root.appendingPathComponent(folder).path)?.compactMap { $0 as? String } ?? []
            for path in paths.sorted() where path.hasSuffix(".md") && !path.hasSuffix("README.md") {
                if let text = try? String(contentsOf: root.appendingPathComponent(folder + "/" + path), encoding: .utf8) { texts.append(text) }
            }
        }
        return texts.flatMap { text -> [String] in
            guard case let .success(file) = SectionedFile.parse(text, path: "f.md") else { return [] }
            return file.sections.map(\.frontMatter)
        }
    }()

    /// The values written out with their places, for comparing.
    static func describe(_ pairs: Pairs) -> String {
        pairs.map { describe($0.key) + ": " + describe($0.value) }.joined(separator: "; ")
    }

    static func describe(_ value: FrontMatterValue) -> String {
        let at = "@\(value.location.line):\(value.location.column)"
        switch value.form {
        case let .text(text, quoted, tag): return text.debugDescription + (quoted ? " quoted" : "") + (tag.map { " " + $0 } ?? "") + at
        case let .list(items): return "[" + items.map(describe).joined(separator: ", ") + "]" + at
        case let .pairs(pairs): return "{" + describe(pairs) + "}" + at
        }
    }

    /// What Yams composes, or nil when it reports an error.
    static func composed(_ text: String) -> String? {
        var diagnostics: [Diagnostic] = []
        return ComposedFrontMatter.read(text, path: "f.md", firstLine: 5, start: SourceLocation(file: "f.md", line: 4, column: 1),
                                        diagnostics: &diagnostics).map(describe)
    }

    /// Whether the plain reader took `text`; it must then agree with Yams, and pass the nesting measure.
    static func agrees(_ text: String) -> Bool {
        guard let plain = PlainFrontMatter.read(text, path: "f.md", firstLine: 5).map(describe) else { return false }
        #expect(plain == composed(text), "\(text.debugDescription)")
        #expect(YAMLNesting.check(text) == nil, "\(text.debugDescription)")
        return true
    }

    @Test func everyFrontMatterInTheRepositoryReadsAsYamsReadsIt() {
        #expect(Self.corpus.count > 300)
        let plain = Self.corpus.filter(Self.agrees).count
        // What it is for: nearly all the content's front matter is read without Yams.
        #expect(plain * 10 >= Self.corpus.count * 9, "\(plain) of \(Self.corpus.count)")
    }

    /// Each text with whether the plain reader takes it: the edges of the plain forms.
    @Test(arguments: [
        ("", true), ("\n  \n", true), ("a: b", true), ("a:", true), ("a:   \nb: c\n", true), ("a: b  \n\n", true),
        ("id: x\nid: y", true), ("a: yes\nb: ~\nc: null\nd: 0x1F\ne: 2026-11-01\nf: 1e3\ng: -1", false),
        ("a: yes\nb: ~\nc: null\nd: 0x1F\ne: 2026-11-01\nf: 1e3", true),
        ("a: b#c", true), ("a: b # c", false), ("a: b\n  c", false), ("a: b\n\n  c", false), ("a: b\nc", false),
        ("a: [x, y]", true), ("a: [x,y]  ", true), ("a: [ ]", true), ("a: []", true), ("a: [not-sure, x_y]", true),
        ("a: [x, ]", false), ("a: [x y]", false), ("a: [x] y", false), ("a: [x,\n  y]", false), ("a: [x: y]", false),
        ("a: ['x']", false), ("a: [-x]", false), ("a: {x: y}", false),
        ("a:\n  - x\n  - y z\nb: c", true), ("a:\n\n  - x\n\n  - y\n", true), ("a:\n    - x\n    - y", true),
        ("a:\n- x", false), ("a:\n  - x\n   - y", false), ("a:\n  - x\n - y", false), ("a:\n  -x", false),
        ("a:\n  - \n", false), ("a:\n  -\n    x", false), ("a:\n  - x\n    y", false), ("a:\n  - - x", false),
        ("links:\n  - title: A, b (c)\n    url: https://x.org/a#b\n  - title: D\n    url: e\nfor: yes", true),
        ("a:\n  - t: x\n     u: y", false), ("a:\n  - t: x\n   u: y", false), ("a:\n  - t:\n", false), ("a:\n  - t: x\n    - y", false),
        ("a:\n  -   t: x\n      u: y", true), ("a:\n  - t: x\n    u: [y]", false), ("a:\n  - yes: Ydyn\n  - no: Nac ydyn", true),
        ("a: b: c", false), ("a: b:", false), ("a:b", false), ("a : b", false), ("a b: c", false), ("a", false),
        ("a: 'b'", false), ("a: \"b\"", false), ("\"a\": b", false), ("a: ~", true), ("a: &x b", false), ("a: *x", false),
        ("a: !!str b", false), ("a: |\n  x", false), ("a: >\n  x", false), ("a: -b", false), ("a: - b", false), ("a: ?b", false),
        ("a: :b", false), ("a: %b", false), ("a: @b", false), ("a: `b", false), ("a: ,b", false), ("a: b, c", true),
        ("a: é", true), ("a: e\u{301}", true), ("a: \u{A0}b", true), ("a: b\u{A0}", true), ("a: \u{1F600}", true),
        ("é: b", false), ("a: b\u{2028}c", false), ("a: b\u{85}c", false), ("\u{FEFF}a: b", false), ("a: \u{FFFE}", false),
        ("a: b\u{7F}", false), ("a: b\u{0}", false), ("a: b\tc", false), ("a:\tb", false), ("a: b\r", false),
        ("a: x\n# c", false), ("#c\na: b", false), ("  a: b", false), ("- a", false), ("---\na: b", false), ("a: b\n...", false),
        ("%YAML 1.1\n---\na: b", false), ("a: b --- c", true), ("a: 'b' c", false),
        (String(repeating: "k", count: 129) + ": b", false), (String(repeating: "k", count: 128) + ": b", true),
        ("a: " + String(repeating: "long ", count: 400), true),
    ])
    func anEdgeOfThePlainFormsReadsAsYamsReadsIt(text: String, plain: Bool) {
        #expect(Self.agrees(text) == plain, "\(text.debugDescription)")
    }

    /// Texts the loader reads are UTF-8 with lines cut at "\n"; mutations like the fuzzer's, near the forms' edges.
    @Test func mutatedFrontMatterReadsAsYamsReadsIt() {
        let tokens = [" ", "  ", "\t", "\n", "\r", ":", ": ", "-", "- ", "#", " #", "'", "\"", "[", "]", "{", "}", ",", "&", "*", "!",
                      "|", ">", "?", "%", "@", "`", "~", "\\", "\u{A0}", "\u{2028}", "\u{85}", "\u{FEFF}", "é", "e\u{301}", "yes",
                      "---", "...", "x: y", "\n  - a", "\n- a", "\n  url: b", "\n    title: c", " [a, b]", "[]", "\n  ", "\n    ",
                      "!!str ", "'a'", "\"a\\tb\"", "\u{1F600}", "\u{7F}", "\n\n"]
        var random = SeededRandom(seed: 11)
        var plain = 0
        for _ in 0..<20_000 {
            var lines = Self.corpus[Int(random.next() % UInt64(Self.corpus.count))]
                .split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
            for _ in 0...(random.next() % 3) {
                let line = Int(random.next() % UInt64(lines.count))
                let at = Int(random.next() % UInt64(lines[line].count + 1))
                switch random.next() % 5 {
                case 0, 1: lines[line].insert(contentsOf: tokens[Int(random.next() % UInt64(tokens.count))].unicodeScalars, at: at)
                case 2: lines[line].removeSubrange(at..<min(at + 1 + Int(random.next() % 4), lines[line].count))
                case 3: lines[line].insert(contentsOf: Array(repeating: " ", count: 1 + Int(random.next() % 3)), at: 0)
                default: lines.insert(lines[line], at: line)
                }
            }
            if Self.agrees(lines.map { String(String.UnicodeScalarView($0)) }.joined(separator: "\n")) { plain += 1 }
        }
        // Many mutations stay in the plain forms, so the comparison is made often.
        #expect(plain > 5_000, "\(plain)")
    }

    /// `value["title"]` finds the pair Yams's `mapping["title"]` finds (as checked against Yams 5): the last
    /// whose key is that text, however quoted or tagged as text.
    @Test(arguments: [
        ("{title: A, url: b}", "A"), ("{\"title\": A}", "A"), ("{'title': A}", "A"), ("{!!str title: A}", "A"), ("{! title: A}", "A"),
        ("{!<tag:yaml.org,2002:str> title: A}", "A"), ("{!!int title: A}", nil), ("{!foo title: A}", nil), ("{[title]: A}", nil),
        ("{title: A, title: B}", "B"), ("{title: A, !!str title: B, !!int title: C}", "B"),
    ] as [(String, String?)])
    func aKeyIsFoundAsYamsFindsIt(text: String, found: String?) throws {
        var diagnostics: [Diagnostic] = []
        let pairs = try #require(ComposedFrontMatter.read("x: " + text, path: "f.md", firstLine: 2,
                                                          start: SourceLocation(file: "f.md", line: 1, column: 1), diagnostics: &diagnostics))
        #expect(pairs[0].value["title"]?.text == found)
    }
}
