import Foundation
import Glibc
import ToolkitTemplates
import Testing
import ToolkitContent
import ToolkitModel
import ToolkitTestSupport
import ToolkitMarkdown
@testable import ToolkitSite

/// The HTML the site shows for a Markdown text.
func html(_ markdown: String) -> String { MarkdownDocument(parsing: markdown).html ?? "" }

/// Tool tests: the site the shipped theme makes for a generated toolkit, so that they hold for any content.
struct SiteTests {
    static func site(of toolkits: [Toolkit]) throws -> Site {
        guard case let .success(theme) = Theme.load(directory: NodeRunner.repository.appendingPathComponent("theme").path) else {
            throw DiagnosticList([])
        }
        return try SiteRenderer(theme: theme).render(toolkits)
    }

    static func generatedSite() throws -> (Site, [Toolkit]) {
        let toolkits = [GeneratedToolkit.make(questionsPerTrack: 30, seed: 11)]
        return (try site(of: toolkits), toolkits)
    }

    @Test func writesEveryPageOfEachToolkit() throws {
        let (site, _) = try Self.generatedSite()
        for path in ["index.html", "assets/style.css", "assets/flow.js", "assets/main.js", "generated/index.html",
                     "generated/questions.html", "generated/all-guidance.html", "generated/glossary.html",
                     "generated/model.js"] {
            #expect(site.files[path] != nil, "missing \(path)")
        }
    }

    @Test func aPageWhoseTemplateIsMissingFailsTheRenderAtTheTemplatesFile() throws {
        let theme = Theme(templates: TemplateLibrary(), assets: [:], templateFolder: "my-theme/templates")
        do {
            _ = try SiteRenderer(theme: theme).render([])
            Issue.record("a theme without templates rendered a site")
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "my-theme/templates/index.mustache:1:1: error: the page index.html cannot be rendered: the theme has no template 'index'. add my-theme/templates/index.mustache",
            ])
        }
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
            String(text[Range($0.range(at: 1), in: text)!])
        }
    }


    @Test func pagesHaveNoInlineScriptOrStyleAndOnlyRelativeLinks() throws {
        let (site, _) = try Self.generatedSite()
        for (path, bytes) in site.files where path.hasSuffix(".html") {
            let html = String(decoding: bytes, as: UTF8.self)
            #expect(Self.matches(#"<script(?![^>]*\ssrc=)([^>]*)>"#, in: html).isEmpty, "inline script in \(path)")
            #expect(!html.contains("<style"), "style element in \(path)")
            #expect(Self.matches(#"\s(style)="#, in: html).isEmpty, "style attribute in \(path)")
            for link in Self.matches(#"(?:href|src)="([^"]*)""#, in: html) {
                #expect(!link.hasPrefix("/"), "\(path) links to \(link), which breaks under a sub-path and on file://")
                if link.hasPrefix("http") {
                    #expect(link.hasPrefix("https://"), "\(path) links to \(link)")
                }
            }
            #expect(Self.matches(#"<a href="(https?://[^"]*)"(?! rel="external)"#, in: html).isEmpty,
                    "external links in \(path) are marked rel=external")
        }
    }

    @Test func allGuidanceShowsEveryQuestionAndEveryItemOfGuidance() throws {
        let (site, toolkits) = try Self.generatedSite()
        let html = String(decoding: site.files["generated/all-guidance.html"]!, as: UTF8.self)
        for question in toolkits[0].allQuestions {
            #expect(html.contains("id=\"question-\(question.id)\""), "\(question.id) missing")
            for guidance in question.guidance {
                #expect(html.contains(guidance.headline.htmlEscaped), "\(guidance.headline) missing")
            }
        }
    }



    @Test func theWordsAreInFilesForEachPartNotInTheModel() throws {
        var toolkit = GeneratedToolkit.make(questionsPerTrack: 100, seed: 11, partSize: 50)
        toolkit.tracks[0].parts[0].questions[0].hint = "Answer for the organisation that decides."
        let site = try Self.site(of: [toolkit])
        let text = { (path: String) in String(decoding: site.files["\(toolkit.id)/" + path] ?? [], as: UTF8.self) }
        let model = text("model.js")
        let parts = toolkit.openingParts + toolkit.tracks.flatMap(\.parts)
        let size = ScriptEmitter.questionsPerTextFile
        #expect(parts.contains { $0.questions.count > size }, "no part is big enough to need several files of words")
        for (index, part) in parts.enumerated() {
            let number = index + 1
            let chunks = max(1, (part.questions.count + size - 1) / size)
            let files = (1...chunks).map { "text/part-\(number)-\($0).js" }
            #expect(model.contains("text: [\(files.map { "\"\($0)\"" }.joined(separator: ", "))], textSize: \(size)"),
                    "the model does not name part \(part.id)'s files of words")
            #expect(site.files["\(toolkit.id)/text/part-\(number)-\(chunks + 1).js"] == nil)
            #expect(model.contains("guidanceText: \"text/guidance-\(number).js\""))
            let guidance = text("text/guidance-\(number).js")
            #expect(text(files[0]).contains("html: \(ScriptEmitter.js(html(part.introduction)))"))
            for (position, question) in part.questions.enumerated() {
                // Each question's words in the file for its place, the guidance in the other, neither in the model.
                let words = text(files[position / size])
                let more = ScriptEmitter.js(html(question.moreInformation))
                #expect(words.contains("\(ScriptEmitter.js(question.id)): \(more)"), "\(question.id)'s words are not in its file")
                if !question.moreInformation.isEmpty { #expect(!model.contains(more) && !guidance.contains(more)) }
                if let hint = question.hint { #expect(words.contains("\(ScriptEmitter.js(question.id)): \(ScriptEmitter.js(hint))")) }
                for item in question.guidance {
                    #expect(guidance.contains("headline: \(ScriptEmitter.js(item.headline)), fingerprint: \(ScriptEmitter.js(Fingerprint.of(item)))"),
                            "\(item.id) is not in its part's guidance file")
                    #expect(!model.contains(ScriptEmitter.js(item.headline)) && !words.contains(ScriptEmitter.js(item.headline)))
                }
            }
        }
        #expect(site.files["\(toolkit.id)/text/part-\(parts.count + 1)-1.js"] == nil)
        #expect(!model.contains("hint:") && parts.flatMap(\.questions).contains { $0.hint != nil })
        #expect(text("text/report.js").contains(ScriptEmitter.js(html(toolkit.report.body))))
    }

    @Test func aThemeMissingARuntimeFileTheQuestionsPageLoadsFailsAtItsScriptTag() throws {
        let folder = NSTemporaryDirectory() + "toolkit-theme-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: NodeRunner.repository.appendingPathComponent("theme").path, toPath: folder)
        try FileManager.default.removeItem(atPath: folder + "/assets/report.js")
        guard case let .failure(list) = Theme.load(directory: folder) else {
            Issue.record("a theme without report.js loaded"); return
        }
        let template = try String(contentsOfFile: folder + "/templates/questions.mustache", encoding: .utf8)
        // report.js is one of the files main.js loads later (data-later): the check covers those too.
        let lines = template.components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.contains("assets/report.js") })
        let reference = try #require(lines[index].range(of: "{{root}}assets/report.js"))
        let column = lines[index].distance(from: lines[index].startIndex, to: reference.lowerBound) + 1
        #expect(list.diagnostics.map(\.message) == ["the questions page loads assets/report.js, which the theme does not have"])
        #expect(list.diagnostics.first?.location == SourceLocation(file: folder + "/templates/questions.mustache", line: index + 1, column: column))
    }

    /// Every template's problems are build errors at the template's file, line and column, all at once.
    @Test func problemsInTheThemesTemplatesAreEachFoundAtTheirPlace() throws {
        let folder = NSTemporaryDirectory() + "toolkit-theme-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: NodeRunner.repository.appendingPathComponent("theme").path, toPath: folder)
        let start = folder + "/templates/start.mustache", glossary = folder + "/templates/glossary.mustache"
        let startLines = try String(contentsOfFile: start, encoding: .utf8).components(separatedBy: "\n").count
        try (String(contentsOfFile: start, encoding: .utf8) + "  {{#extra}}<p>never closed</p>\n").write(toFile: start, atomically: true, encoding: .utf8)
        try ("<p>{{uppercased(title)}}</p>\n" + String(contentsOfFile: glossary, encoding: .utf8)).write(toFile: glossary, atomically: true, encoding: .utf8)
        guard case let .failure(list) = Theme.load(directory: folder) else {
            Issue.record("a theme with broken templates loaded"); return
        }
        #expect(list.diagnostics.map(\.description).sorted() == [
            "\(glossary):1:4: error: the toolkit's templates have no transforms, such as 'uppercased(name)'. make the value you need in Swift (theme/README.md lists every value), and write {{name}}",
            "\(start):\(startLines):3: error: the section {{#extra}} is not closed. close it with {{/extra}}",
        ])
    }

    /// A template engine may render a partial it cannot find as nothing: the theme must say so instead, at the tag.
    @Test func aTemplateIncludingAPartialTheThemeLacksFailsAtItsTag() throws {
        let folder = NSTemporaryDirectory() + "toolkit-theme-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: NodeRunner.repository.appendingPathComponent("theme").path, toPath: folder)
        let start = folder + "/templates/start.mustache"
        let text = try String(contentsOfFile: start, encoding: .utf8)
        try (text + "<aside>\n  {{> sidebar }}\n</aside>\n").write(toFile: start, atomically: true, encoding: .utf8)
        let line = text.components(separatedBy: "\n").count + 1
        guard case let .failure(list) = Theme.load(directory: folder) else {
            Issue.record("a theme whose start page includes a missing partial loaded"); return
        }
        #expect(list.diagnostics.map(\.description) == [
            "\(start):\(line):3: error: the template includes 'sidebar', which the theme does not have. add \(folder)/templates/sidebar.mustache, or correct the name",
        ])
        // With the partial there, it is part of the page.
        try "<p>From the sidebar</p>\n".write(toFile: folder + "/templates/sidebar.mustache", atomically: true, encoding: .utf8)
        guard case let .success(theme) = Theme.load(directory: folder) else {
            Issue.record("a theme with its partial did not load"); return
        }
        let site = try SiteRenderer(theme: theme).render([GeneratedToolkit.make(questionsPerTrack: 2, seed: 1)])
        let page = site.files.first { $0.key.hasSuffix("/index.html") && $0.key != "index.html" }.map { String(decoding: $0.value, as: UTF8.self) }
        #expect(page?.contains("<p>From the sidebar</p>") == true)
    }

    @Test func twoRendersAreByteIdentical() throws {
        let (first, _) = try Self.generatedSite()
        let (second, _) = try Self.generatedSite()
        #expect(first.files == second.files)
    }
}

struct SiteWriterTests {
    func temporaryFolder() -> String { NSTemporaryDirectory() + "toolkit-site-" + UUID().uuidString }

    @Test func replacesTheOldSiteWhole() throws {
        let target = temporaryFolder() + "/site"
        var old = Site()
        old.files = ["index.html": Array("old".utf8), "gone.html": Array("x".utf8)]
        try SiteWriter.write(old, to: target)
        var new = Site()
        new.files = ["index.html": Array("new".utf8), "a/b.js": Array("b".utf8)]
        try SiteWriter.write(new, to: target)
        #expect(try String(contentsOfFile: target + "/index.html", encoding: .utf8) == "new")
        #expect(!FileManager.default.fileExists(atPath: target + "/gone.html"))
        #expect(FileManager.default.fileExists(atPath: target + "/a/b.js"))
        let siblings = try FileManager.default.contentsOfDirectory(atPath: (target as NSString).deletingLastPathComponent)
        #expect(siblings == ["site"], "no staging folder is left behind: \(siblings)")
    }

    @Test func aFailedWriteLeavesThePreviousSiteUntouched() throws {
        let target = temporaryFolder() + "/site"
        var old = Site()
        old.files = ["index.html": Array("old".utf8)]
        try SiteWriter.write(old, to: target)
        var broken = Site()
        // A file and a folder with the same name cannot both be written.
        broken.files = ["index.html": Array("new".utf8), "clash": Array("file".utf8), "clash/inner.html": Array("x".utf8)]
        #expect(throws: (any Error).self) { try SiteWriter.write(broken, to: target) }
        #expect(try String(contentsOfFile: target + "/index.html", encoding: .utf8) == "old")
    }

    @Test func recoversFromABuildInterruptedMidSwap() throws {
        let folder = temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder + "/.site.old", withIntermediateDirectories: true)
        try "previous".write(toFile: folder + "/.site.old/index.html", atomically: true, encoding: .utf8)
        var broken = Site()
        broken.files = ["clash": Array("file".utf8), "clash/inner.html": Array("x".utf8)]
        #expect(throws: (any Error).self) { try SiteWriter.write(broken, to: folder + "/site") }
        #expect(try String(contentsOfFile: folder + "/site/index.html", encoding: .utf8) == "previous")
    }
}

/// The swap of the new site for the old is one step: a reader never finds the folder missing.
struct SiteSwapTests {
    func temporaryFolder() -> String { NSTemporaryDirectory() + "toolkit-swap-" + UUID().uuidString }

    @Test func theExchangeIsAtomicOnThisSystem() throws {
        let folder = temporaryFolder()
        for name in ["a", "b"] {
            try FileManager.default.createDirectory(atPath: "\(folder)/\(name)", withIntermediateDirectories: true)
            try name.write(toFile: "\(folder)/\(name)/which", atomically: false, encoding: .utf8)
        }
        #expect(DirectorySwap.exchange(folder + "/a", folder + "/b"))
        #expect(try String(contentsOfFile: folder + "/a/which", encoding: .utf8) == "b")
        #expect(try String(contentsOfFile: folder + "/b/which", encoding: .utf8) == "a")
    }

    /// Watches the site while it is rebuilt: opens the folder, then reads two files through that handle.
    final class Watcher: @unchecked Sendable {
        let path: String
        private let lock = NSLock()
        private var stop = false
        private(set) var looks = 0, missing = 0, mixed = 0
        init(path: String) { self.path = path }

        func run() {
            while lock.withLock({ !stop }) {
                let directory = open(path, O_RDONLY | O_DIRECTORY)
                guard directory >= 0 else { lock.withLock { missing += 1; looks += 1 }; continue }
                let a = read(directory, "index.html"), b = read(directory, "other.html")
                close(directory)
                // Files can vanish from under a handle on the old site as it is removed after the swap;
                // two files read through one handle must never come from different builds.
                lock.withLock { looks += 1; if let a, let b, a != b { mixed += 1 } }
            }
        }

        func finish() { lock.withLock { stop = true } }

        private func read(_ directory: Int32, _ name: String) -> String? {
            let file = openat(directory, name, O_RDONLY)
            guard file >= 0 else { return nil }
            defer { close(file) }
            var buffer = [UInt8](repeating: 0, count: 64)
            let count = Glibc.read(file, &buffer, 64)
            return count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self) : nil
        }
    }

    @Test func aReaderSeesTheOldSiteOrTheNewOneAtEveryMoment() throws {
        let target = temporaryFolder() + "/site"
        func generation(_ n: Int) -> Site {
            var site = Site()
            site.files = ["index.html": Array("\(n)".utf8), "other.html": Array("\(n)".utf8)]
            return site
        }
        try SiteWriter.write(generation(0), to: target)
        let watcher = Watcher(path: target)
        let thread = Thread { watcher.run() }
        thread.start()
        for n in 1...300 { try SiteWriter.write(generation(n), to: target) }
        watcher.finish()
        while !thread.isFinished { usleep(1000) }
        #expect(watcher.looks > 300)
        #expect(watcher.missing == 0, "the folder was missing \(watcher.missing) times in \(watcher.looks) looks")
        #expect(watcher.mixed == 0)
    }

    @Test func noLeftoversOutliveTheNextBuild() throws {
        let folder = temporaryFolder()
        var old = Site()
        old.files = ["index.html": Array("old".utf8)]
        try SiteWriter.write(old, to: folder + "/site")
        // What builds killed at different moments leave behind.
        for leftover in [".site.new", ".site.old", ".site.new/deep/er", ".site.partial"] {
            try FileManager.default.createDirectory(atPath: folder + "/" + leftover, withIntermediateDirectories: true)
        }
        try FileManager.default.createDirectory(atPath: folder + "/.other", withIntermediateDirectories: true)
        var new = Site()
        new.files = ["index.html": Array("new".utf8)]
        try SiteWriter.write(new, to: folder + "/site")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == [".other", "site"])
        #expect(try String(contentsOfFile: folder + "/site/index.html", encoding: .utf8) == "new")
    }
}

struct ChecksumTests {
    @Test func sha256MatchesKnownDigests() {
        #expect(Checksums.hex(Checksums.sha256([])) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(Checksums.hex(Checksums.sha256(Array("abc".utf8))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(Checksums.hex(Checksums.sha256(long)) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func theManifestListsEveryOtherFileAndSha256sumAgrees() throws {
        let (site, _) = try SiteTests.generatedSite()
        let manifest = String(decoding: site.files[Checksums.manifestName]!, as: UTF8.self)
        let listed = manifest.split(separator: "\n").map { String($0.split(separator: " ", maxSplits: 1)[1].dropFirst()) }
        #expect(listed == site.files.keys.filter { $0 != Checksums.manifestName }.sorted())
        // The system's sha256sum agrees with every line.
        let folder = NSTemporaryDirectory() + "toolkit-sums-" + UUID().uuidString
        try SiteWriter.write(site, to: folder)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum", "--check", "--quiet", Checksums.manifestName]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}

/// Content tests: the site of the shipped toolkit (content/).
struct ShippedContentSite {
    static func site() throws -> (Site, [Toolkit]) {
        let loaded = ContentLoader.load(directory: NodeRunner.repository.appendingPathComponent("content").path)
        return (try SiteTests.site(of: loaded.toolkits), loaded.toolkits)
    }

    @Test func allGuidanceHasItsOwnIntroductionAndAContentsListByPart() throws {
        let (site, toolkits) = try ShippedContentSite.site()
        let html = String(decoding: try #require(site.files["data-analytics/all-guidance.html"]), as: UTF8.self)
        let toolkit = try #require(toolkits.first)
        let contents = SiteTests.matches(##"<a href="#(part-[^"]+)">"##, in: html)
        let parts = (toolkit.openingParts + toolkit.tracks.flatMap(\.parts)).map { "part-" + $0.id }
        #expect(contents == parts, "the contents list is not every part in order")
        for id in parts { #expect(html.contains("<section class=\"part\" id=\"\(id)\">"), "no section for \(id)") }
        #expect(!html.contains("Before the tracks"))
        #expect(!html.contains("when .</p>") && !html.contains("<h2 class=\"heading-l\"></h2>"), "an empty condition or heading")
        // Its introduction is its own, not the report's.
        let reportFirstSentence = try #require(toolkit.report.body.split(separator: ".").first)
        #expect(!html.contains(String(reportFirstSentence)))
    }
    @Test func theModelCarriesWhatTheReportAndTheResultPageNeed() throws {
        let (site, toolkits) = try ShippedContentSite.site()
        let script = String(decoding: try #require(site.files["data-analytics/model.js"]), as: UTF8.self)
        let toolkit = try #require(toolkits.first)
        #expect(script.contains("notice: \(ScriptEmitter.js(toolkit.report.notice))"))
        #expect(!toolkit.report.notice.isEmpty && toolkit.report.priorityMeanings.count == 3)
        for track in toolkit.tracks where !track.ifUnsure.isEmpty {
            #expect(script.contains("ifUnsure: \(ScriptEmitter.js(track.ifUnsure))"))
        }
        #expect(script.contains("{ id: \"not-sure\", label: \"Not sure\", unsure: true }"))
        #expect(script.contains("dependsOn: [\"competent-authority\"]"))
    }
    @Test func writesEveryPageOfEachToolkit() throws {
        let (site, _) = try ShippedContentSite.site()
        for path in ["index.html", "assets/style.css", "assets/flow.js", "assets/main.js", "data-analytics/index.html",
                     "data-analytics/questions.html", "data-analytics/all-guidance.html", "data-analytics/glossary.html",
                     "data-analytics/model.js"] {
            #expect(site.files[path] != nil, "missing \(path)")
        }
    }
}
