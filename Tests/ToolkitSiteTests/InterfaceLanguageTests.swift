import Foundation
import Testing
import ToolkitModel
import ToolkitTestSupport
@testable import ToolkitSite

/// The shipped theme's words: both locale files complete, every key used defined and every key defined
/// used, pages in Welsh when rendered with the Welsh text, and the runtime choosing the same plural forms
/// as Swift.
struct InterfaceLanguageTests {
    static let themeFolder = NodeRunner.repository.appendingPathComponent("theme").path

    static func theme() throws -> Theme {
        switch Theme.load(directory: themeFolder) {
        case let .success(theme): return theme
        case let .failure(list): throw list
        }
    }

    @Test func theShippedLocalesLoadWithNoProblem() throws {
        let theme = try Self.theme()
        #expect(theme.warnings.isEmpty, "\(theme.warnings)")
        #expect(theme.locales.keys.sorted() == ["cy", "en"])
        #expect(theme.locales["cy"]?.entries.keys.sorted() == theme.sourceText.entries.keys.sorted())
        // The questionnaire's words load with it, the report's with the report, and none twice.
        #expect(theme.runtimeKeys.contains("common.continue") && theme.reportKeys.contains("docx.page-of"))
        #expect(Set(theme.runtimeKeys).isDisjoint(with: theme.reportKeys))
    }

    /// Every key literal in the Swift that writes pages (a string whose first part is a group of en.yml).
    static func keysUsedBySwift(groups: Set<String>) throws -> Set<String> {
        let sources = NodeRunner.repository.appendingPathComponent("Sources")
        var keys: Set<String> = []
        let pattern = try NSRegularExpression(pattern: #""([a-z][a-z0-9-]*(?:\.[a-z0-9-]+)+)""#)
        let paths = (FileManager.default.enumerator(atPath: sources.path)?.allObjects as? [String]) ?? []
        for path in paths where path.hasSuffix(".swift") {
            let text = try String(contentsOf: sources.appendingPathComponent(path), encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let key = String(text[Range(match.range(at: 1), in: text)!])
                // A file's name ("index.html") is not a key, though 'index' is a group.
                let isFileName = ["html", "js", "yml", "md", "mustache", "json", "css", "docx"].contains { key.hasSuffix("." + $0) }
                if groups.contains(String(key.prefix { $0 != "." })), !isFileName { keys.insert(key) }
            }
        }
        return keys
    }

    @Test func everyKeyUsedIsDefinedAndEveryKeyDefinedIsUsed() throws {
        let theme = try Self.theme()
        let source = theme.sourceText
        let groups = Set(source.entries.keys.map { String($0.prefix { $0 != "." }) })
        let swift = try Self.keysUsedBySwift(groups: groups)
        #expect(swift.count > 20, "found only \(swift.count) keys in the Swift sources: is the pattern right?")
        #expect(swift.subtracting(source.entries.keys).isEmpty, "used in Swift but not in en.yml: \(swift.subtracting(source.entries.keys).sorted())")
        var templates: Set<String> = []
        for name in Theme.requiredTemplates {
            let text = try String(contentsOfFile: "\(Self.themeFolder)/templates/\(name).mustache", encoding: .utf8)
            templates.formUnion(InterfaceKeyUse.inTemplate(text, path: name).map(\.key))
        }
        // Priority.label(in:) names its key from the priority's id.
        let priorities = Set(Priority.allCases.map { "priority." + $0.rawValue })
        // The language's own name is for the link to it from a page in another language.
        let used = swift.union(templates).union(theme.runtimeKeys).union(theme.reportKeys).union(priorities).union(["language.name"])
        #expect(Set(source.entries.keys).subtracting(used).isEmpty, "defined but never used: \(Set(source.entries.keys).subtracting(used).sorted())")
    }

    static func pages(in language: String) throws -> [String: String] {
        let theme = try Self.theme()
        let text = try #require(theme.text(for: language))
        var failures: [Diagnostic] = []
        let edition = Edition(toolkit: GeneratedToolkit.make(questionsPerTrack: 12, seed: 5), text: text,
                              folder: language == "en" ? "" : language + "/")
        let files = SiteRenderer(theme: theme).toolkitFiles(edition, failures: &failures)
        #expect(failures.isEmpty)
        return files.mapValues { String(decoding: $0, as: UTF8.self) }
    }

    @Test func renderingWithTheWelshTextWritesWelshPages() throws {
        let pages = try Self.pages(in: "cy")
        let questions = try #require(pages["questions.html"])
        #expect(questions.contains("<html lang=\"cy\">"))
        #expect(questions.contains("Mae angen JavaScript ar yr holiadur hwn"))
        #expect(questions.contains("<script src=\"text/interface.js\"></script>"))
        #expect(questions.contains("href=\"../../assets/style.css\""), "the Welsh edition's pages sit a folder deeper")
        let guidance = try #require(pages["all-guidance.html"])
        #expect(guidance.contains("Pob cwestiwn a chanllaw") && guidance.contains("Rhan 1 o ") && guidance.contains("Dewiswch un ateb."))
        #expect(!guidance.contains("Part 1 of") && !guidance.contains("Choose one answer"))
        let interface = try #require(pages["text/interface.js"])
        #expect(interface.contains("\"common.continue\": \"Parhau\""))
        #expect(interface.contains("later: \"text/interface-report.js\""))
        #expect(try #require(pages["text/interface-report.js"]).contains("\"docx.page-of\": \"Tudalen {page} o {pages}\""))
    }

    @Test(arguments: ["en", "cy"]) func everyPlaceholderOnAPageIsFilled(language: String) throws {
        let placeholder = try NSRegularExpression(pattern: #"\{[A-Za-z][A-Za-z0-9]*\}"#)
        for (path, page) in try Self.pages(in: language) where path.hasSuffix(".html") {
            let found = placeholder.matches(in: page, range: NSRange(page.startIndex..., in: page))
                .map { String(page[Range($0.range, in: page)!]) }
            #expect(found.isEmpty, "\(path) has unfilled \(found)")
        }
    }

    /// page.js's t, plural and longDate in node, over the interface script the build writes, against Swift.
    @Test(arguments: ["en", "cy"]) func theRuntimeChoosesTheSamePluralFormsAsSwift(language: String) throws {
        let theme = try Self.theme()
        let text = try #require(theme.text(for: language))
        let folder = NSTemporaryDirectory() + "toolkit-interface-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let script = InterfaceScript.scripts(text, runtimeKeys: theme.runtimeKeys, reportKeys: theme.reportKeys)[0].script
        try script.write(toFile: folder + "/interface.js", atomically: true, encoding: .utf8)
        let harness = """
            const fs = require("fs");
            const vm = require("vm");
            const context = vm.createContext({ URL, document: { getElementById: () => null, currentScript: null },
              location: { href: "file:///site/t/questions.html" }, toolkitModel: { title: "T" } });
            for (const file of process.argv.slice(2)) vm.runInContext(fs.readFileSync(file, "utf8"), context);
            process.stdout.write(JSON.stringify(vm.runInContext(`(() => {
              const r = toolkitRuntime;
              const counts = Array.from({ length: 201 }, (_, n) => n);
              return { questions: counts.map((n) => r.plural("part-start.questions", n)),
                       date: r.longDate(new Date(2026, 10, 25)), progress: r.t("question.progress", { number: 3, count: 8 }),
                       missing: r.t("no.such.key") };
            })()`, context)));
            """
        try harness.write(toFile: folder + "/harness.js", atomically: true, encoding: .utf8)
        let assets = NodeRunner.repository.appendingPathComponent("theme/assets")
        let output = try NodeRunner.node([folder + "/harness.js", folder + "/interface.js",
                                          assets.appendingPathComponent("flow.js").path, assets.appendingPathComponent("page.js").path])
        let result = try #require(try JSONSerialization.jsonObject(with: output) as? [String: Any])
        #expect(result["questions"] as? [String] == (0...200).map { text.plural("part-start.questions", count: $0) })
        #expect(result["date"] as? String == text.longDate("2026-11-25"))
        #expect(result["progress"] as? String == text.t("question.progress", ["number": "3", "count": "8"]))
        #expect(result["missing"] as? String == "no.such.key")
        if language == "cy" { #expect(result["date"] as? String == "25 Tachwedd 2026") }
    }
}
