import Foundation
import Testing
import ToolkitModel
import ToolkitTestSupport
@testable import ToolkitContent

/// Front matter deeper than the limit gets a located error before Yams reads it (Yams would crash the
/// tool at about 4,500 levels), and the measure is never lower than the depth Yams would build.
struct NestingLimitTests {
    /// The first question of the valid fixture with `setting` added as its first front matter line (line 2).
    func errors(withSetting setting: String) throws -> [String] {
        let content = try TemporaryContent.valid(replacing: ["t/1-basics/01-first.md": """
            ---
            \(setting)
            question: First?
            options: [yes, no]
            law-checked: 2026-11-01
            review-by: 2027-05-01
            ---
            """])
        return ContentLoader.load(directory: content.root).diagnostics
            .filter { $0.severity == .error }
            .map { $0.description.replacingOccurrences(of: content.root + "/", with: "") }
    }

    @Test(arguments: [
        ("x: " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000), 23),
        ("x: " + String(repeating: "{a: ", count: 5000), 80),
        ("x: " + String(repeating: "- ", count: 5000) + "a", 42),
        ("x: [" + String(repeating: "\"]\", [", count: 5000), 118),
        ("x: {" + String(repeating: "\"a\":{", count: 5000), 99),
        // '|' and '>' start a block scalar only outside brackets: read as one inside them, the nesting
        // after them went unmeasured.
        ("x: [|a, " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5001), 27),
        ("x: {a: >b, d: " + String(repeating: "[", count: 5000), 33),
    ])
    func deepFrontMatterIsALocatedError(setting: String, column: Int) throws {
        let errors = try errors(withSetting: setting)
        #expect(errors == ["t/1-basics/01-first.md:2:\(column): error: the front matter nests more than 20 levels deep here. "
                           + "settings nest a few levels at most: check for stray '[', '{' or '- ', or put quotes around a value that starts with one"])
    }

    @Test func deepIndentationIsALocatedError() throws {
        let lines = (0..<5000).map { String(repeating: " ", count: $0) + "a:" }.joined(separator: "\n")
        let errors = try errors(withSetting: lines)
        #expect(errors.first?.hasPrefix("t/1-basics/01-first.md:22:21: error: the front matter nests more than 20 levels") == true, "\(errors)")
    }

    @Test func anchorsAndAliasesAreRefused() throws {
        #expect(try errors(withSetting: "hint: *important*") == [
            "t/1-basics/01-first.md:2:7: error: front matter cannot use YAML anchors or aliases ('*'). "
            + "write the value out in full; to start a value with '*', put it in quotes"])
        #expect(try errors(withSetting: "x: &a [1]").first?.contains(":2:4: error: front matter cannot use YAML anchors") == true)
    }

    /// Brackets inside quoted, block and plain text are not nesting, and depth up to the limit is read.
    @Test(arguments: [
        "hint: '" + String(repeating: "[", count: 100) + "'",
        "hint: \"" + String(repeating: "{", count: 100) + "\"",
        "hint: |\n  " + String(repeating: "[", count: 100) + "\n  - - - - - - - - - - - - - - - - - - - - - - - -",
        "hint: see [a] and [b" + String(repeating: "[", count: 100),
        "hint: it's [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[ here",
        "x: " + String(repeating: "[", count: 19) + String(repeating: "]", count: 19),
    ])
    func textThatLooksDeepIsNot(setting: String) throws {
        #expect(YAMLNesting.check(setting) == nil)
    }

    /// Where the scanner's reading of quotes could go wrong, it must still count the real depth.
    @Test(arguments: [
        "x: [" + String(repeating: "'a'']', [", count: 25),
        "x: [" + String(repeating: "!t \"]\", [", count: 25),
        "x: [" + String(repeating: "a:'b, [", count: 25),
        "x: [" + String(repeating: "\"a\\\"]\", [", count: 25),
        "a: text\n  'x\nb: " + String(repeating: "[", count: 25) + "\nc: y'",
        "- |\n  text\n- " + String(repeating: "[", count: 25),
        // libyaml starts a line at "\r", U+2028 and U+2029 as well as "\n".
        "a:\u{2028}  b: " + String(repeating: "[", count: 25),
        "a:\r  b: " + String(repeating: "[", count: 25),
    ])
    func quotesAndContinuationsDoNotHideDepth(setting: String) throws {
        #expect(YAMLNesting.check(setting)?.kind == .tooDeep)
    }

    /// A line separator inside a value does not shift the lines of the errors after it.
    @Test func linesAreTheFilesLinesWhateverBreaksYAMLSees() throws {
        let errors = try errors(withSetting: "hint: a\u{2028} b\u{2029} c\r d\nhnt: x")
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("t/1-basics/01-first.md:3:1: error: unknown setting 'hnt'") == true, Comment(rawValue: errors.joined()))
    }

}

/// Content tests: the shipped toolkit (content/).
struct ShippedContentFrontMatter {
    /// Every front matter block of the shipped content passes the measure.
    @Test func shippedContentIsWithinTheLimit() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let files = FileManager.default.enumerator(atPath: root.appendingPathComponent("content").path)!
            .compactMap { $0 as? String }.filter { $0.hasSuffix(".md") && $0 != "README.md" }
        #expect(files.count > 20)
        for file in files {
            let text = try String(contentsOf: root.appendingPathComponent("content/" + file), encoding: .utf8)
            guard case let .success(sectioned) = SectionedFile.parse(text, path: file) else { continue }
            for section in sectioned.sections { #expect(YAMLNesting.check(section.frontMatter) == nil, "\(file)") }
        }
    }
}
