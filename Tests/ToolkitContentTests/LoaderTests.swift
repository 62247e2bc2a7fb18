import Foundation
import Testing
import ToolkitChecks
import ToolkitModel
import ToolkitTestSupport
@testable import ToolkitContent

/// Every loader error names its file, line and column.
struct LoaderTests {
    func load(_ content: TemporaryContent) -> ContentLoader.Loaded { ContentLoader.load(directory: content.root) }

    func errors(_ content: TemporaryContent) -> [String] {
        load(content).diagnostics.map { $0.description.replacingOccurrences(of: content.root + "/", with: "") }
    }

    @Test func readsAValidToolkit() throws {
        let result = load(try .valid())
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let toolkit = try #require(result.toolkits.first)
        #expect(toolkit.id == "t")
        #expect(toolkit.version == "1.0")
        #expect(toolkit.tracks.count == 1)
        let questions = toolkit.allQuestions
        #expect(questions.map(\.id) == ["first", "second"])
        #expect(questions[1].showIf?.source == "first = yes")
        #expect(questions[0].guidance.map(\.id) == ["first#1", "first#2"])
        #expect(questions[0].guidance[1].priority == .actNow)
        #expect(questions[0].guidance[0].links.first?.url == "https://www.legislation.gov.uk/ukpga/2018/12/section/35")
        #expect(questions[0].moreInformation == "More about first.")
    }

    @Test func leavesOutEditorsBackupFiles() throws {
        var files: [String: String] = [:]
        for name in ["01-first.md~", "01-first.md.swp", ".01-first.md.swp", ".#01-first.md", ".DS_Store"] {
            files["t/1-basics/" + name] = "not a question [x](glossary:nothing)"
            files["t/" + name] = "not a part"
        }
        let content = try TemporaryContent.valid(replacing: files)
        #expect(errors(content) == [])
        #expect(load(content).toolkits.first?.allQuestions.map(\.id) == ["first", "second"])
        #expect(IgnoredFiles.contains("02-le-dpo.md~") && IgnoredFiles.contains(".#02-le-dpo.md"))
        #expect(!IgnoredFiles.contains("02-le-dpo.md") && !IgnoredFiles.contains("glossary.md"))
    }

    @Test func yamlBooleansStayAnswerIds() throws {
        // YAML 1.1 reads unquoted yes, no, on and off as booleans; here they must stay the ids written.
        let content = try TemporaryContent.valid(replacing: ["t/1-basics/01-first.md": """
            ---
            question: Is it on?
            options: [yes, no, {on: On}, {off: Off}]
            law-checked: 2026-11-01
            review-by: 2027-05-01
            ---
            ---
            for: [yes, on]
            priority: plan
            headline: Good
            links: [{title: A, url: "https://example.org/a"}]
            ---
            ---
            for: [no, off]
            priority: plan
            headline: Bad
            links: [{title: A, url: "https://example.org/a"}]
            ---
            """])
        let question = try #require(load(content).toolkits.first?.allQuestions.first)
        #expect(question.options.map(\.id) == ["yes", "no", "on", "off"])
        #expect(question.options.map(\.label) == ["Yes", "No", "On", "Off"])
        #expect(question.guidance.map { $0.answers.map(\.value) } == [["yes", "on"], ["no", "off"]])
    }

    @Test func reportsInvalidYamlWithItsLine() throws {
        let content = try TemporaryContent.valid(replacing: ["t/1-basics/01-first.md": """
            ---
            question: Is it: really?
            options: [yes, no]
            ---
            """])
        let found = errors(content)
        #expect(found.contains { $0.hasPrefix("t/1-basics/01-first.md:2:") && $0.contains("not valid YAML") }, "\(found)")
    }

    @Test func reportsEveryMissingSettingAndUnknownSetting() throws {
        let content = try TemporaryContent.valid(replacing: ["t/1-basics/01-first.md": """
            ---
            question: First?
            options: [yes, no]
            shw-if: a = b
            ---
            """])
        let found = errors(content)
        #expect(found.contains("t/1-basics/01-first.md:4:1: error: unknown setting 'shw-if'. did you mean 'show-if'? the settings here are: id, question, type, options, hint, show-if, law-checked, review-by"), "\(found)")
        #expect(found.contains("t/1-basics/01-first.md:1:1: error: the setting 'law-checked' is missing. add a line 'law-checked: 2026-11-25' to the front matter"))
        #expect(found.contains("t/1-basics/01-first.md:1:1: error: the setting 'review-by' is missing. add a line 'review-by: 2026-11-25' to the front matter"))
    }

    @Test func reportsEmptyOptionsAndUnlabelledAnswers() throws {
        let content = try TemporaryContent.valid(replacing: [
            "t/1-basics/01-first.md": Fixtures.question(id: "first", extra: "").replacingOccurrences(of: "options: [yes, no]", with: "options: []"),
            "t/1-basics/02-second.md": Fixtures.question(id: "second", extra: "").replacingOccurrences(of: "options: [yes, no]", with: "options: [yes, health]"),
        ])
        let found = errors(content)
        #expect(found.contains("t/1-basics/01-first.md:3:10: error: the question has no answers. list at least two answers, for example 'options: [yes, no, not-sure]'"), "\(found)")
        #expect(found.contains("t/1-basics/02-second.md:3:16: error: the answer 'health' has no label. give it one as '- health: Label shown to users'; only yes, no and not-sure have labels already"), "\(found)")
    }

    @Test func pointsAtTheColumnOfABadCondition() throws {
        let content = try TemporaryContent.valid(replacing: [
            "t/1-basics/02-second.md": Fixtures.question(id: "second", extra: "show-if: first = yes and\n"),
        ])
        let found = errors(content)
        #expect(found.contains("t/1-basics/02-second.md:4:25: error: the condition in 'show-if' cannot be read: expected a question id but found 'the end of the condition'. write a condition like 'question-id = answer-id'; content/README.md lists the forms"), "\(found)")
    }

    @Test func reportsBadDatesPrioritiesAndLinks() throws {
        let text = Fixtures.question(id: "first", extra: "")
            .replacingOccurrences(of: "law-checked: 2026-11-01", with: "law-checked: 1 November")
            .replacingOccurrences(of: "priority: act-now", with: "priority: act-nw")
            .replacingOccurrences(of: "url: https://www.legislation.gov.uk/ukpga/2018/12/section/35\n---\nGood.", with: "url: www.example.org\n---\nGood.")
        let found = errors(try .valid(replacing: ["t/1-basics/01-first.md": text]))
        #expect(found.contains("t/1-basics/01-first.md:4:14: error: '1 November' is not a date in the form YYYY-MM-DD. write the date like 2026-11-25"), "\(found)")
        #expect(found.contains("t/1-basics/01-first.md:21:11: error: 'act-nw' is not a priority. did you mean 'act-now'? write act-now, plan or keep-doing"), "\(found)")
        #expect(found.contains("t/1-basics/01-first.md:15:10: error: the link 'www.example.org' is not a web address. links to further reading start with https://"), "\(found)")
    }

    @Test func reportsAFileWithoutFrontMatterAndAnUnclosedBlock() throws {
        let found = errors(try .valid(replacing: [
            "t/1-basics/01-first.md": "Just text\n",
            "t/1-basics/02-second.md": "---\nquestion: Second?\n",
        ]))
        #expect(found.contains("t/1-basics/01-first.md:1:1: error: the file does not start with front matter. start the file with a line '---', the settings, then another line '---'"), "\(found)")
        #expect(found.contains("t/1-basics/02-second.md:1:1: error: front matter opened on this line is never closed. add a line '---' after the settings, or use '***' for a horizontal rule in Markdown"), "\(found)")
    }

    /// Found by the fuzzer: "\r\r\n" joined two lines, so every later error was a line early.
    @Test func linesAreCutAtEveryLineFeed() throws {
        var text = "a\r\r\nb\r\nc\nd\r"
        let (each, all) = text.withUTF8 { bytes in
            let lines = FileLines(bytes)
            return (lines.ranges.indices.map { lines.joined($0..<($0 + 1)) }, lines.joined(lines.ranges.indices))
        }
        #expect(each == ["a\r", "b", "c", "d"])
        #expect(all == "a\r\nb\nc\nd")
        // A stray "\r\r\n" in the text before a bad setting leaves the setting's line as it is.
        let found = errors(try .valid(replacing: [
            "t/1-basics/01-first.md": Fixtures.question(id: "first", extra: "hint: \"a\r\r\nb\"\nhint: a: b\n"),
        ]))
        #expect(found.first?.hasPrefix("t/1-basics/01-first.md:6:8: error: the front matter is not valid YAML") == true, "\(found)")
    }

    /// Found by the fuzzer: a condition wrapped over lines had its ids placed past the end of its first line.
    @Test(arguments: [("show-if: first = yes and\n  nope = no\n", 3), ("show-if: \"first = yes and\n    nope = no\"\n", 5)])
    func aWrappedConditionPointsAtTheRightLine(setting: String, column: Int) throws {
        let content = try TemporaryContent.valid(replacing: ["t/1-basics/02-second.md": Fixtures.question(id: "second", extra: setting)])
        let found = ContentLoader.load(directory: content.root).toolkits.flatMap { check($0) }
            .map { $0.description.replacingOccurrences(of: content.root + "/", with: "") }
        #expect(found.contains { $0.hasPrefix("t/1-basics/02-second.md:5:\(column): error: 'show-if' names a question 'nope'") }, "\(found)")
    }

    /// The checks place a heading or link inside a text from where the text starts in its file.
    @Test func everyMarkdownTextKnowsWhereItStarts() throws {
        let content = try TemporaryContent.valid(replacing: [
            "t/toolkit.md": "---\ntitle: T\nversion: \"1.0\"\nlaw-as-at: 2026-11-01\nreview-by: 2027-05-01\n---\n\n  Start here.\n",
            "t/glossary.md": "---\ntitle: Glossary\n---\n## One\nFirst.\n\n## Two\n\n \n   Second.\n",
            "t/1-basics/part.md": "---\ntitle: Basics\n---\n\n\nIntro.\n",
        ])
        let toolkit = try #require(load(content).toolkits.first)
        #expect(toolkit.glossary.map(\.definition) == ["First.", "Second."])
        let places = toolkit.markdownTexts.map { "\($0.kind) \($0.start.description.replacingOccurrences(of: content.root + "/", with: ""))" }
        #expect(places == [
            "startPage t/toolkit.md:8:3", "report t/report.md:4:1",
            "glossaryDefinition t/glossary.md:5:1", "glossaryDefinition t/glossary.md:10:4",
            "partIntroduction t/1-basics/part.md:6:1",
            "moreInformation t/1-basics/01-first.md:7:1", "guidance t/1-basics/01-first.md:17:1", "guidance t/1-basics/01-first.md:27:1",
            "moreInformation t/1-basics/02-second.md:8:1", "guidance t/1-basics/02-second.md:18:1", "guidance t/1-basics/02-second.md:28:1",
        ])
    }

    /// A fence may have spaces and tabs after it, however many; lines of them before the first are blank.
    @Test func trailingSpacesAreReadByIndex() throws {
        let text = " \t\n\n--- \t" + String(repeating: " ", count: 20_000) + "\nid: x\n---\t\n\n Body\n"
        guard case let .success(file) = SectionedFile.parse(text, path: "f.md") else { Issue.record("not read"); return }
        #expect(file.sections.map(\.frontMatter) == ["id: x"])
        #expect(file.sections.map(\.frontMatterLine) == [4])
        #expect(file.sections.map { "\($0.body) \($0.bodyLine):\($0.bodyColumn)" } == ["Body 7:2"])
    }

    /// The loader's own trimming gives what Foundation's did, on every kind of white space.
    @Test func trimmingMatchesFoundation() {
        let samples = ["", " ", "\n\n", " a ", "\t\u{00A0}text\u{2003}\n", "\r\nline one\nline two\r\n\u{2028}",
                       "\u{0085}x\u{3000}", "é ", " ŵ\u{202F}", "a \n b"]
        for sample in samples {
            #expect(sample.trimmed == sample.trimmingCharacters(in: .whitespacesAndNewlines), "\(sample.debugDescription)")
            #expect(sample.trimmedOfSpaces == sample.trimmingCharacters(in: .whitespaces), "\(sample.debugDescription)")
        }
    }

    @Test func idsComeFromFileNames() {
        #expect(ContentLoader.id(fromName: "content/t/1-basics/01-competent-authority.md") == "competent-authority")
        #expect(ContentLoader.id(fromName: "2-general") == "general")
        #expect(ContentLoader.id(fromName: "2026plan.md") == "2026plan")
    }

    /// The last part of a path is what NSString gives, without the bridge.
    @Test func aPathsLastPartIsFoundAsNSStringFindsIt() {
        for path in ["", "/", "//", "a", "a/", "a/b", "a//b", "/a/b.md/", "content/t/01-x.md", "é/ü.md", "a/\u{301}b.md", "a/b\u{301}/"] {
            #expect(ContentLoader.lastComponent(of: path) == (path as NSString).lastPathComponent, "\(path.debugDescription)")
        }
    }

    /// A body trimmed on the bytes is what trimming the joined text gives, with the same start.
    @Test func aBodyTrimmedOnItsBytesIsTheTextTrimmed() {
        let samples = ["", "\n\n", " \t\n  Text \n\n", "\n \u{A0}Text", "Text\u{2003}\n", "\r\n\r\nText\r\n", "a\rb\n\n",
                       "\n\n   é\nü  \n", "\u{85}x", "x\n\u{2028}", " \n \n"]
        for sample in samples {
            var text = sample
            let (trimmed, joined) = text.withUTF8 { bytes in
                let lines = FileLines(bytes)
                return (lines.trimmedWithStart(lines.ranges.indices), lines.joined(lines.ranges.indices).trimmedWithStart)
            }
            #expect(trimmed.text == joined.text && trimmed.start == joined.start, "\(sample.debugDescription)")
        }
    }
}
