import Testing
import ToolkitContent
import ToolkitMarkdown
import ToolkitModel
import ToolkitTestSupport
@testable import ToolkitChecks

/// The heading outline and glossary link checks, over cmark's reading of each Markdown text.
struct HeadingOutlineTests {
    let start = ToolkitModel.SourceLocation(file: "q.md", line: 10, column: 1)

    func warnings(_ markdown: String, start: ToolkitModel.SourceLocation? = nil) -> [Diagnostic] {
        checkHeadingOutline(MarkdownDocument(parsing: markdown, renderingHTML: false),
                            in: MarkdownText(markdown, at: start ?? self.start, kind: .moreInformation))
    }

    @Test func warnsAboutLevelOneAndSkippedLevels() {
        let found = warnings("# One\n\n## Two\n\n#### Four\n\n### Three")
        #expect(found.map(\.location.line) == [10, 14])
        #expect(found.map(\.severity) == [.warning, .warning])
        #expect(found[1].message == "the heading 'Four' is level 4, but the heading before it is level 2: a level is skipped")
        #expect(found[1].fix == "make it level 3: write '### Four', or add a level 3 heading before it")
        #expect(warnings("## A\n### B\n## C\n### D").isEmpty)
        #expect(warnings("### Deep first").map(\.message)
                == ["the heading 'Deep first' is level 3, but the first heading in a text should be level 2"])
    }

    @Test func underlinedHeadingsCount() {
        let found = warnings("Title\n=====\n\n## Fine\n\nDeep\n---\n\n#### Too deep")
        #expect(found.map { "\($0.location) \($0.message)" } == [
            "q.md:10:1 the heading 'Title' is level 1, but the page's title is its only level 1 heading",
            "q.md:18:1 the heading 'Too deep' is level 4, but the heading before it is level 2: a level is skipped",
        ])
    }

    @Test func codeIsNoHeading() {
        #expect(warnings("## Fine\n\n```\n#### in a fence\n```\n\n    # indented code\n\n`# in a code span`").isEmpty)
    }

    @Test func aHeadingIsPlacedInItsFileEvenWhenTheTextStartsPartWayAlongALine() {
        // The first line of a text starts at the text's column; the others at column 1.
        let found = warnings("# One\n  # Two", start: ToolkitModel.SourceLocation(file: "q.md", line: 4, column: 3))
        #expect(found.map(\.location.description) == ["q.md:4:3", "q.md:5:3"])
    }
}

struct GlossaryLinkTests {
    /// The valid fixture with a glossary of one term, 'competent-authority', and `files` changed.
    func errors(_ files: [String: String]) throws -> [String] {
        let content = try TemporaryContent.valid(replacing: [
            "t/glossary.md": "---\ntitle: Glossary\n---\n## Competent authority\nA body.\n",
        ].merging(files) { $1 })
        let loaded = ContentLoader.load(directory: content.root)
        return (loaded.diagnostics + loaded.toolkits.flatMap { check($0) })
            .map { $0.description.replacingOccurrences(of: content.root + "/", with: "") }
    }

    func moreInformation(_ text: String) -> [String: String] {
        ["t/1-basics/01-first.md": Fixtures.question(id: "first", extra: "").replacingOccurrences(of: "More about first.", with: text)]
    }

    @Test func anUnknownTermIsFlaggedAtItsLinkWithASuggestion() throws {
        let found = try errors(moreInformation(
            "A [competent authority](glossary:competent-autority) and [x](glossary:competent-authority)."))
        #expect(found == ["t/1-basics/01-first.md:7:3: error: the glossary has no term 'competent-autority'. did you mean 'competent-authority'? add '## competent-autority' to glossary.md or link to an existing term"])
    }

    @Test func referenceLinksAndAddressesInAngleBracketsAreLinksToo() throws {
        let found = try errors(moreInformation("A [body][b], a [body][ok] and <glossary:nothing>.\n\n[b]: glossary:bodies\n[ok]: glossary:competent-authority"))
        #expect(found == [
            "t/1-basics/01-first.md:7:3: error: the glossary has no term 'bodies'. add '## bodies' to glossary.md or link to an existing term",
            "t/1-basics/01-first.md:7:31: error: the glossary has no term 'nothing'. add '## nothing' to glossary.md or link to an existing term",
        ])
    }

    @Test func codeIsNoLink() throws {
        #expect(try errors(moreInformation("Write `[x](glossary:x)` for a link.\n\n```\n[y](glossary:y)\n```\n\n    [z](glossary:z)")) == [])
    }

    @Test func aLinkOnALaterLineOfAParagraphIsPlacedExactly() throws {
        let found = try errors(moreInformation("> A quote that goes\n> on,   and [on](glossary:and-on)"))
        #expect(found == ["t/1-basics/01-first.md:8:13: error: the glossary has no term 'and-on'. add '## and-on' to glossary.md or link to an existing term"])
    }

    @Test func windowsLineEnds() throws {
        let found = try errors(moreInformation("[a](glossary:nope)\nand [b](glossary:)").mapValues { $0.replacingOccurrences(of: "\n", with: "\r\n") })
        #expect(found == [
            "t/1-basics/01-first.md:7:1: error: the glossary has no term 'nope'. add '## nope' to glossary.md or link to an existing term",
            "t/1-basics/01-first.md:8:5: error: the glossary has no term ''. add '## ' to glossary.md or link to an existing term",
        ])
    }

    @Test func everyMarkdownTextIsChecked() throws {
        let found = try errors([
            "t/toolkit.md": "---\ntitle: T\nversion: \"1.0\"\nlaw-as-at: 2026-11-01\nreview-by: 2027-05-01\n---\n\n  Start [a](glossary:start).\n",
            "t/report.md": "---\ntitle: Your report\n---\nNot [b](glossary:report).\n",
            "t/glossary.md": "---\ntitle: Glossary\n---\n## Competent authority\n\n A body, see [c](glossary:definition).\n",
            "t/1-basics/part.md": "---\ntitle: Basics\n---\nAn [d](glossary:introduction).\n",
        ])
        #expect(found == [
            "t/1-basics/part.md:4:4: error: the glossary has no term 'introduction'. add '## introduction' to glossary.md or link to an existing term",
            "t/glossary.md:6:14: error: the glossary has no term 'definition'. add '## definition' to glossary.md or link to an existing term",
            "t/report.md:4:5: error: the glossary has no term 'report'. add '## report' to glossary.md or link to an existing term",
            "t/toolkit.md:8:9: error: the glossary has no term 'start'. add '## start' to glossary.md or link to an existing term",
        ])
    }

    @Test func aTrackDescriptionIsChecked() throws {
        let found = try errors([
            "t/2-track/track.md": "---\ntitle: A track\n---\nThe [rules](glossary:rules).\n",
            "t/2-track/1-more/part.md": "---\ntitle: More\n---\n",
            "t/2-track/1-more/01-third.md": Fixtures.question(id: "third", extra: ""),
        ])
        #expect(found.contains("t/2-track/track.md:4:5: error: the glossary has no term 'rules'. add '## rules' to glossary.md or link to an existing term"), "\(found)")
    }
}
