import Foundation
import Testing
@testable import ToolkitMarkdown

/// The site's HTML rules are matched byte by byte where that is plain, and by their regular expressions
/// where Unicode's tables decide. Either way the HTML must be what the regular expressions alone made.
struct MarkdownHTMLRuleTests {
    /// The rules as they were: each pattern applied to the whole text.
    func referencesByPattern(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return text }
        let out = MarkdownHTML.reference.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text),
                                                                  withTemplate: "$1\u{00A0}$2")
        return out.replacingOccurrences(of: ")(", with: ")\u{2060}(")
    }

    func linksByPattern(_ html: String) -> String {
        MarkdownHTML.externalLink.stringByReplacingMatches(in: html, range: NSRange(html.startIndex..., in: html),
                                                           withTemplate: #"<a href="$1" rel="external noopener noreferrer""#)
    }

    /// Texts made of these pieces, in a fixed pseudo-random order, so a failure can be run again.
    func texts(from pieces: [String], count: Int, seed: UInt64) -> [String] {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        return (0..<count).map { _ in (0..<(1 + next(12))).map { _ in pieces[next(pieces.count)] }.joined() }
    }

    @Test func referencesMatchThePatternWherePlainAndWhereNot() {
        let pieces = ["Article", "Articles", "Art", "Part", "part", "Parts", "section", "Sections", "s.", "ss.", "Schedule",
                      "Paragraph", "paragraph", "Regulation", "regulation", "Section", "x", "_", "é", "日本", " ", "  ",
                      "5", "35", "0", "(1)", "(c)", ")(", ")", "(", "-", ".", "\n", "\u{00A0}", "\u{201C}", "\u{2019}",
                      "\u{2014}", "\u{0663}", "\u{FF13}", "\u{0301}", "\u{00AD}", "\u{200D}", "\u{1F600}", "9\u{0301}",
                      " 5", " 35", "Article 6", "section 4", "ss. 2", "Part 1", "Art 3", ", "]
        let samples = texts(from: pieces, count: 20_000, seed: 11) + [
            "Rely on Article 6(1)(c), section 35 or Schedule 8 of the Act.", "ss. 4 and s. 5", "xArticle 5",
            "éArticle 5", "“Article 5”", "\u{00A0}Part 2", "Article \u{0663}", "Art 1)(2", "_Part 3", "Part  3",
        ]
        for text in samples {
            #expect(MarkdownHTML.keepingReferencesTogether(text) == referencesByPattern(text), "\(text.debugDescription)")
        }
        // Most were decided byte by byte, and many had a reference: the comparison tried the new way.
        let plain = samples.compactMap { ReferenceSpaces.find(in: $0) }
        #expect(plain.count > samples.count / 2 && plain.filter { !$0.isEmpty }.count > 2_000,
                "\(plain.count) decided byte by byte, \(plain.filter { !$0.isEmpty }.count) with a reference")
    }

    @Test func plainReferencesAreFoundWithoutThePattern() {
        #expect(ReferenceSpaces.find(in: "Rely on Article 6(1)(c), section 35 or ss. 4.") == [15, 32, 42])
        #expect(ReferenceSpaces.find(in: "“Part 2”, —Schedule 1, xArticle 5, Art_ 4") == [7, 25])
        #expect(ReferenceSpaces.find(in: "No references here, 35 of them.") == [])
        // Unicode's tables decide: a digit that is not ASCII, a letter outside ASCII before the word.
        #expect(ReferenceSpaces.find(in: "Article \u{0663}") == nil)
        #expect(ReferenceSpaces.find(in: "éArticle 5") == nil)
    }

    @Test func externalLinksMatchThePattern() {
        let pieces = ["<a href=\"", "http", "https", "://", "s", ":", "/", "\"", "example.org", ">", "</a>", "é", " ",
                      "\n", "ftp://", "HTTP://", "<a href=\"https://x.org/a?b=1\">", "<a", "href"]
        for html in texts(from: pieces, count: 20_000, seed: 5) + ["", "<a href=\"https://e.org\"", "<a href=\"http://e\"x\""] {
            #expect(MarkdownHTML.markingExternalLinks(html) == linksByPattern(html), "\(html.debugDescription)")
        }
    }
}
