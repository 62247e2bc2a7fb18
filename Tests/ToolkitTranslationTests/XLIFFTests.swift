import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import ToolkitContent
import ToolkitModel
import ToolkitTestSupport
@testable import ToolkitTranslation

/// The XLIFF holds Markdown exactly, is well-formed, and keeps to XLIFF 2.0's structure; a tool that cuts
/// a text into segments does not lose any of it.
struct XLIFFTests {
    /// Markdown that XML or YAML would change if it were not escaped: markup characters, references,
    /// a CDATA end, tabs, a carriage return, characters XML cannot hold, and every kind of Markdown link.
    static let markdown = """
        Use **bold**, _emphasis_ and `code <b>` & keep going: a < b > c, &amp; is text, ]]> too.

        - a [link](https://example.org/?a=1&b=2 "title")
        - a [glossary term](glossary:personal-data)
        - <https://example.org/auto>

        1. first\tstep
        2. second line ends in two spaces  
           and carries on

            indented code <div class="x">

        Quotes " and ', a form feed \u{0C}, a bell \u{07}, carriage return \r here, and Welsh ŵ ŷ, and 🏴󠁧󠁢󠁷󠁬󠁳󠁿.
        """

    @Test func textsSurviveTheWriterAndTheReaderByteForByte() throws {
        let texts = [Self.markdown, "plain", "  leading and trailing spaces  ", "\n\nblank lines\n\n", "a\r\nb", "\u{FFFE}\u{1F}"]
        let document = XLIFFDocument(sourceLanguage: "en", targetLanguage: "cy", files: [
            XLIFFDocument.File(original: "t/1-basics/01 first & <odd>.md", fingerprint: "0123456789ab",
                               units: texts.enumerated().map { index, text in
                                   XLIFFDocument.Unit(key: "option:a b_\(index)/ü", source: text, target: String(text.reversed()), state: "translated")
                               }),
        ])
        let xml = XLIFFWriter.write(document)
        let read = try XLIFFReader.read(Data(xml.utf8)).get()
        #expect(read.files.count == 1)
        #expect(read.files[0].original == "t/1-basics/01 first & <odd>.md")
        #expect(read.files[0].fingerprint == "0123456789ab")
        #expect(read.files[0].units.map(\.key) == document.files[0].units.map(\.key))
        for (mine, back) in zip(document.files[0].units, read.files[0].units) {
            #expect(Array(back.source.unicodeScalars) == Array(mine.source.unicodeScalars))
            #expect(Array((back.target ?? "").unicodeScalars) == Array((mine.target ?? "").unicodeScalars))
            #expect(back.state == "translated")
        }
        #expect(xml.contains(#"<cp hex="000C"/>"#) && xml.contains("&lt;b&gt;") && xml.contains("]]&gt;") && xml.contains("&#13;"))
        #expect(XLIFFName.text(XLIFFName.token("option:a b_c/ü")) == "option:a b_c/ü")
    }

    @Test func markdownAndFrontMatterSurviveExportTranslationAndImport() throws {
        // Words that YAML reads as something else, or as the start of a structure, if they are not quoted.
        let labels = ["Yes: really", "#not a comment", "'quoted'", "- a dash", "[bracket", "{brace", "@at", "`tick", "null", "~", "2026-11-25", "yes"]
        var options = "options:\n"
        for (index, _) in labels.enumerated() { options += "  - o\(index): Option \(index)\n" }
        let source = "---\nquestion: Which one?\n\(options)hint: A hint.\nlaw-checked: 2026-11-01\nreview-by: 2027-05-01\n---\nMore about it.\n\n"
            + "---\nfor: o0\npriority: plan\nheadline: Do it\nlinks:\n  - title: Example\n    url: https://example.org/\n---\nBody.\n"
        var files = Fixtures.translatedToolkit
        files["t/1-basics/03-third.md"] = source
        files["t/glossary.md"] = "---\ntitle: Glossary\n---\n## Personal data\n\nInformation about a person.\n"
        let content = try TemporaryContent(files)
        let loaded = ContentLoader.load(directory: content.root)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        var document = try TranslationExport.document(loaded.toolkits, language: "cy", content: content.root)
        let index = try #require(document.files.firstIndex { $0.original == "t/1-basics/03-third.md" })
        var expected: [String: String] = [:]
        for unit in document.files[index].units.indices {
            let key = document.files[index].units[unit].key
            let target: String
            switch key {
            case TextKey.moreInformation, TextKey.guidanceBody(1): target = Self.markdown
            case TextKey.question: target = "Pa un? \"Dyfynnu\" a: colon"
            case TextKey.hint: target = "Llinell un\nllinell dau"
            default:
                if key.hasPrefix("option:o") { target = labels[Int(key.dropFirst("option:o".count))!] } else { target = "Enghraifft: # [x]" }
            }
            document.files[index].units[unit].target = target
            expected[key] = target
        }
        let plan = TranslationImport.plan(xliff: Data(XLIFFWriter.write(document).utf8), toolkits: loaded.toolkits, content: content.root)
        #expect(plan.unplaced.isEmpty, "\(plan.unplaced)")
        for (path, text) in plan.writes { try Data(text.utf8).write(to: URL(fileURLWithPath: path)) }
        let again = ContentLoader.load(directory: content.root)
        #expect(!again.diagnostics.contains { $0.location.file.hasSuffix(".cy.md") }, "\(again.diagnostics)")
        let translated = try #require(again.toolkits.first?.translatedFiles.first { $0.source.hasSuffix("/03-third.md") })
        for (key, text) in expected {
            #expect(translated.texts[key].map { Array($0.value.unicodeScalars) } == Array(text.unicodeScalars), "\(key)")
        }
    }

    @Test func theExportIsWellFormedXLIFF20() throws {
        let content = try TemporaryContent.welsh(leavingOut: ["analytics-check/glossary.cy.md"])
        let loaded = ContentLoader.load(directory: content.root)
        let xliff = try TranslationExport.xliff(loaded.toolkits, language: "cy", content: content.root)
        let file = content.root + "/cy.xlf"
        try Data(xliff.utf8).write(to: URL(fileURLWithPath: file))
        let lint = try run("xmllint", ["--noout", file])
        #expect(lint.status == 0, "xmllint: \(lint.errors)")
        let structure = try XLIFFStructure.problems(in: Data(xliff.utf8))
        #expect(structure.isEmpty, "\(structure)")
        #expect(xliff.contains(#"srcLang="en" trgLang="cy""#))
        #expect(xliff.contains(#"<unit id="option:not-sure" name="analytics-check/0-which-rules/01-competent-authority.md#option:not-sure">"#))
        // A file with no translation yet has units with a source and no target.
        #expect(xliff.contains(#"<unit id="term:competent-authority" name="analytics-check/glossary.md#term:competent-authority">"# + "\n      <segment>\n        <source xml:space=\"preserve\">Competent authority</source>\n      </segment>"))
    }

    @Test func aTextCutIntoSegmentsIsJoinedAgain() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="cy">
              <file id="f1" original="t/part.md">
                <unit id="introduction">
                  <segment state="translated"><source>One.</source><target>Un.</target></segment>
                  <ignorable><source> </source></ignorable>
                  <segment state="reviewed"><source>Two.</source><target>Dau.</target></segment>
                </unit>
                <unit id="title">
                  <segment state="translated"><source>A</source><target>B</target></segment>
                  <segment><source>C</source></segment>
                </unit>
              </file>
            </xliff>
            """
        let document = try XLIFFReader.read(Data(xml.utf8)).get()
        let units = document.files[0].units
        #expect(units[0].source == "One. Two." && units[0].target == "Un. Dau." && units[0].state == "translated")
        #expect(units[1].source == "AC" && units[1].target == nil)
        #expect(units.map(\.line) == [4, 9])
    }

    @Test func aDocumentThatIsNotXLIFF20IsReportedAtItsLine() {
        #expect(XLIFFReader.read(Data("<?xml version=\"1.0\"?>\n<xliff>\n<file>\n</xliff>".utf8)).failure?.line == 4)
        let old = "<?xml version=\"1.0\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\"/>"
        #expect(XLIFFReader.read(Data(old.utf8)).failure?.message.contains("not an XLIFF 2.0 document") == true)
        let version = "<?xml version=\"1.0\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"1.2\" srcLang=\"en\"/>"
        #expect(XLIFFReader.read(Data(version.utf8)).failure == XLIFFReader.Failure(line: 2, message: "this is XLIFF 1.2; toolkit reads XLIFF 2.0"))
    }
}

extension Result {
    var failure: Failure? { if case let .failure(failure) = self { failure } else { nil } }
}

/// Runs a program found on the PATH; a missing program fails the test with what to install.
func run(_ program: String, _ arguments: [String]) throws -> (status: Int32, errors: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [program] + arguments
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let data = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    if process.terminationStatus == 127 {
        Issue.record("\(program) is not installed: 'make test-deps' installs it (Debian package libxml2-utils)")
    }
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}
