import Testing
@testable import ToolkitMarkdown

/// What the checks read from cmark's tree: headings and links, each at the line and column an editor sees.
struct MarkdownHeadingTests {
    func headings(_ text: String) -> [String] {
        MarkdownDocument(parsing: text, renderingHTML: false).headings.map { "\($0.position) h\($0.level) \($0.text)" }
    }

    @Test func findsHashAndUnderlinedHeadings() {
        #expect(headings("## Two\ntext\n\n### Three ###\n  #### Four `code` *em*\n\nTitle\n=====\n\nSub\non two lines\n--") ==
                ["1:1 h2 Two", "4:1 h3 Three", "5:3 h4 Four code em", "7:1 h1 Title", "10:1 h2 Sub on two lines"])
    }

    @Test func leavesOutCodeAndLookalikes() {
        let text = """
            ```
            # in a fence
            ```
            ~~~~
            # in a tilde fence
            ~~~~

                # indented code

            #hashtag
            C# is a language
            ####### seven
            - item
            --
            """
        #expect(headings(text) == [])
    }

    @Test func headingsInQuotesAndListsAreHeadings() {
        // They are headings on the page, so they count in its outline.
        #expect(headings("> # Quoted\n\n- ## In a list\n\n> é ## not one") == ["1:3 h1 Quoted", "3:3 h2 In a list"])
    }

    @Test func anUnderlinedHeadingAfterDefinitionsIsPlacedAtItsWords() {
        // cmark puts it at the first definition, which it takes out of the heading.
        #expect(headings("[r]: /x\n[s]: /y\n  Title [r]\n=====") == ["3:3 h1 Title r"])
        #expect(headings("> [r]: /x\n> Title\n> ---") == ["2:3 h2 Title"])
        #expect(headings("[link](x) first\nsecond\n---") == ["1:1 h2 link first second"])
    }

    @Test func aLoneCarriageReturnIsNoLineForTheEditor() {
        // cmark ends a line at a lone "\r"; the editor, and every diagnostic, does not.
        #expect(headings("text\rmore\n\n## Two") == ["3:1 h2 Two"])
        #expect(headings("a\r\n\r\n## Two") == ["3:1 h2 Two"])
    }
}

struct MarkdownLinkTests {
    func links(_ text: String) -> [String] {
        let document = MarkdownDocument(parsing: text, renderingHTML: false)
        return document.links.map { "\(document.position(of: $0)) \($0.destination)" }
    }

    @Test func findsEveryFormOfLink() {
        let text = """
            An [inline](glossary:a) link, a [full][r], a [collapsed][], a [shortcut] and <glossary:e>.

            [r]: glossary:b
            [collapsed]: glossary:c
            [shortcut]: glossary:d
            """
        #expect(links(text) == ["1:4 glossary:a", "1:33 glossary:b", "1:46 glossary:c", "1:63 glossary:d", "1:78 glossary:e"])
        #expect(MarkdownDocument(parsing: text).links.map(\.glossaryTerm) == ["a", "b", "c", "d", "e"])
    }

    @Test func leavesOutCodeSpansAndBlocks() {
        let text = "Code `[x](glossary:x)` here.\n\n```\n[y](glossary:y)\n```\n\n    [z](glossary:z)\n"
        #expect(links(text) == [])
    }

    /// Each of these put cmark 0.30's own place for a link on the wrong line or column.
    @Test(arguments: [
        ("first line\n   indented [a](glossary:a) cont", "2:13 glossary:a"),
        ("first line\n\t[a](glossary:a) after a tab", "2:2 glossary:a"),
        ("> quoted\nlazy [a](glossary:a)", "2:6 glossary:a"),
        ("- item\n  cont [a](glossary:a)", "2:8 glossary:a"),
        ("hard  \n  [a](glossary:a)", "2:3 glossary:a"),
        ("1. x\n\n   para [a](glossary:a)", "3:9 glossary:a"),
        ("> > deep\n> >   more [a](glossary:a)", "2:12 glossary:a"),
        ("é ü [a](glossary:a)", "1:5 glossary:a"),
        ("[r]: glossary:r\n[s]: glossary:s\ntext [x][r]", "3:6 glossary:r"),
        ("Title [a](glossary:a)\n=====", "1:7 glossary:a"),
        ("  ## Heading é [a](glossary:a)", "1:16 glossary:a"),
    ])
    func placesALinkWhereTheEditorSeesIt(text: String, expected: String) {
        #expect(links(text) == [expected])
    }

    @Test func placesLinksAfterALineBreakInsideALink() {
        #expect(links("[long\ntext](glossary:v) [u](glossary:u)") == ["1:1 glossary:v", "2:19 glossary:u"])
        #expect(links("[y](\nglossary:y) [z](glossary:z)") == ["1:1 glossary:y", "2:13 glossary:z"])
        #expect(links("[j](glossary:j \"title\nline2\") [k](glossary:k)") == ["1:1 glossary:j", "2:9 glossary:k"])
        #expect(links("<span\nclass=\"q\"> [w](glossary:w)") == ["2:12 glossary:w"])
    }

    @Test func aBracketThatOpensNoLinkIsPassedOver() {
        #expect(links("[not a link] and ![image](x.png) [a](glossary:a)\n[b](glossary:b [c](glossary:c)") ==
                ["1:34 glossary:a", "2:16 glossary:c"])
        #expect(links("[[nested](glossary:n)]") == ["1:2 glossary:n"])
    }

    /// Marks that would change what cmark reads (before a definition, inside a label) are tried last.
    @Test func aMarkThatWouldChangeTheLinksIsNotTrusted() {
        #expect(links("[r]: glossary:r\n[x]: glossary:x\ntext [y][r] and\n  [x] and [a \\[b\\] c]\n\n[a \\[b\\] c]: glossary:abc") ==
                ["3:6 glossary:r", "4:3 glossary:x", "4:11 glossary:abc"])
        #expect(links("see: <glossary:a> or [b](<glossary:b>)") == ["1:6 glossary:a", "1:22 glossary:b"])
    }

    @Test func manyLinksArePlacedInAFewParses() {
        let line = String(repeating: "[t](glossary:nope) ", count: 20_000)
        let document = MarkdownDocument(parsing: "Start\n  " + line, renderingHTML: false)
        let started = ContinuousClock.now
        let places = document.positions(of: document.links)
        #expect(places.count == 20_000)
        #expect(places.enumerated().allSatisfy { $1 == MarkdownPosition(line: 2, column: 3 + 19 * $0) })
        // One parse for them all: a parse for each link took minutes.
        #expect(ContinuousClock.now - started < .seconds(10))
    }

    @Test func aPrivateUseCharacterInTheTextDoesNotConfuseTheSearch() {
        #expect(links("\u{E000}x\n  [a](glossary:a) \u{E001}[b](glossary:b)") == ["2:3 glossary:a", "2:20 glossary:b"])
    }
}

struct MarkdownHTMLTests {
    func html(_ text: String) -> String { MarkdownDocument(parsing: text).html ?? "" }

    @Test func rendersMarkdownAndDropsRawHTML() {
        let html = html("Some **bold** text.\n\n<script>alert(1)</script>\n\n- one\n- two")
        #expect(html.contains("<strong>bold</strong>"))
        #expect(html.contains("<li>one</li>"))
        #expect(!html.contains("<script"))
    }

    @Test func keepsLegalReferencesOnOneLine() {
        let html = html("Rely on Article 6(1)(c), section 35 or Schedule 8 of the Act.")
        #expect(html.contains("Article\u{00A0}6(1)\u{2060}(c)"))
        #expect(html.contains("section\u{00A0}35"))
        #expect(html.contains("Schedule\u{00A0}8"))
        // Only before a number: ordinary words keep their ordinary spaces.
        #expect(self.html("Part of the plan.") == "<p>Part of the plan.</p>\n")
        // Link addresses are left alone.
        #expect(self.html("[Article 6](https://example.org/a?b=(1)(c))").contains("href=\"https://example.org/a?b=(1)(c)\""))
    }

    @Test func glossaryLinksPointAtTheGlossaryPage() {
        #expect(html("A [DPIA](glossary:dpia).") == "<p>A <a href=\"glossary.html#dpia\">DPIA</a>.</p>\n")
        #expect(html("A [DPIA][d].\n\n[d]: glossary:dpia") == "<p>A <a href=\"glossary.html#dpia\">DPIA</a>.</p>\n")
        // The document keeps the address as written, for the checks.
        #expect(MarkdownDocument(parsing: "A [DPIA](glossary:dpia).").links.first?.destination == "glossary:dpia")
    }

    @Test func externalLinksSaySo() {
        #expect(html("[A](https://example.org)") == "<p><a href=\"https://example.org\" rel=\"external noopener noreferrer\">A</a></p>\n")
    }

    @Test func headingWordsAreReadBeforeTheSiteChangesThem() {
        let document = MarkdownDocument(parsing: "## Article 6 basis")
        #expect(document.headings.first?.text == "Article 6 basis")
        #expect(document.html == "<h2>Article\u{00A0}6 basis</h2>\n")
    }

    @Test func parsedForTheChecksAloneItHasNoHTML() {
        #expect(MarkdownDocument(parsing: "Text", renderingHTML: false).html == nil)
        #expect(MarkdownDocument(parsing: "").html == "")
        let documents = MarkdownDocuments(parsing: ["Text", "Text", "", "## Two"], renderingHTML: false)
        #expect(documents.html("Text") == "<p>Text</p>\n")
        #expect(documents.document("## Two").headings.count == 1)
        #expect(MarkdownDocuments(parsing: ["Text"], renderingHTML: true).html("Text") == "<p>Text</p>\n")
    }
}
