import Testing
import ToolkitModel
@testable import ToolkitChecks

/// The heading scanner behind the "heading level breaks the page outline" warning.
struct HeadingOutlineTests {
    func levels(_ markdown: String) -> [String] {
        MarkdownOutline.headings(in: markdown).map { "\($0.line):\($0.column) h\($0.level) \($0.text)" }
    }

    @Test func findsHashAndUnderlinedHeadings() {
        #expect(levels("## Two\ntext\n### Three ###\n  #### Four\n\nTitle\n=====\n\nSub\n--") ==
                ["0:1 h2 Two", "2:1 h3 Three", "3:3 h4 Four", "5:1 h1 Title", "8:1 h2 Sub"])
    }

    @Test func leavesOutCodeQuotesAndLookalikes() {
        let markdown = """
            ```
            # in a fence
            ```
            ~~~~
            # in a tilde fence
            ~~~~

                # indented code

            > # in a quote
            #hashtag
            C# is a language
            ####### seven
            - item
            --
            """
        #expect(levels(markdown) == [])
    }

    @Test func warnsAboutLevelOneAndSkippedLevels() {
        let start = SourceLocation(file: "q.md", line: 10, column: 1)
        let warnings = checkHeadingOutline("# One\n\n## Two\n\n#### Four\n\n### Three", startingAt: start)
        #expect(warnings.map(\.location.line) == [10, 14])
        #expect(warnings.map(\.severity) == [.warning, .warning])
        #expect(warnings[1].message == "the heading 'Four' is level 4, but the heading before it is level 2: a level is skipped")
        #expect(warnings[1].fix == "make it level 3: write '### Four', or add a level 3 heading before it")
        #expect(checkHeadingOutline("## A\n### B\n## C\n### D", startingAt: start).isEmpty)
        #expect(checkHeadingOutline("### Deep first", startingAt: start).map(\.message)
                == ["the heading 'Deep first' is level 3, but the first heading in a text should be level 2"])
    }
}
