import Foundation
import ToolkitModel

/// Reads `content/` into toolkits. Every problem becomes a diagnostic; loading goes on past errors
/// so that an editor sees them all at once.
public struct ContentLoader {
    public struct Loaded: Sendable {
        public var toolkits: [Toolkit]
        public var diagnostics: [Diagnostic]
    }

    /// Reads every toolkit folder (a folder holding `toolkit.md`) under `directory`. With `parsed`, question
    /// files it holds unchanged are not parsed again; it is left holding what this load read.
    public static func load(directory: String, reusing parsed: ParsedFiles? = nil) -> Loaded {
        var loader = ContentLoader()
        loader.parsed = parsed
        let folders = loader.entries(of: directory).map(\.path).filter { loader.isDirectory($0) && loader.exists($0 + "/toolkit.md") }
        if folders.isEmpty {
            loader.diagnostics.append(.error("no toolkit found in \(directory)",
                                             at: SourceLocation(file: directory, line: 1, column: 1),
                                             fix: "make a folder for the toolkit holding a toolkit.md file (run 'toolkit new toolkit NAME')"))
        }
        let toolkits = folders.compactMap { loader.loadToolkit($0) }
        parsed?.keepOnly(loader.questionFilesRead)
        return Loaded(toolkits: toolkits, diagnostics: loader.diagnostics)
    }

    var diagnostics: [Diagnostic] = []
    private var parsed: ParsedFiles?
    private var questionFilesRead: Set<String> = []
    private var lawDates: [LawDates] = []
    private let files = FileManager.default

    func exists(_ path: String) -> Bool { files.fileExists(atPath: path) }

    private func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return files.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Entries in name order, hidden files, editors' backups and translations (read later) left out.
    private func entries(of directory: String) -> [(name: String, path: String)] {
        ((try? files.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { !IgnoredFiles.contains($0) && TranslationFiles.language(ofName: $0) == nil }
            .sorted()
            .map { ($0, directory + "/" + $0) }
    }

    /// `01-competent-authority.md` -> `competent-authority`.
    public static func id(fromName path: String) -> String {
        var name = lastComponent(of: path)
        if name.hasSuffix(".md") { name = String(name.dropLast(3)) }
        let digits = name.prefix { $0.isNumber }
        if !digits.isEmpty, name.dropFirst(digits.count).first == "-" { name = String(name.dropFirst(digits.count + 1)) }
        return name
    }

    /// What `NSString.lastPathComponent` gives: for the usual path, ASCII and ending in a name, the part
    /// after the last "/", found without the bridge; any other path is NSString's to read.
    static func lastComponent(of path: String) -> String {
        let bytes = path.utf8
        guard let last = bytes.last, last != UInt8(ascii: "/"), bytes.allSatisfy({ $0 < 0x80 }) else {
            return (path as NSString).lastPathComponent
        }
        let start = bytes.lastIndex(of: UInt8(ascii: "/")).map { bytes.index(after: $0) } ?? bytes.startIndex
        return String(path[start...])
    }

    mutating func read(_ path: String) -> SectionedFile? {
        guard let data = files.contents(atPath: path) else {
            diagnostics.append(.error("the file cannot be read", at: SourceLocation(file: path, line: 1, column: 1)))
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            diagnostics.append(.error("the file is not UTF-8 text", at: SourceLocation(file: path, line: 1, column: 1),
                                      fix: "save the file as UTF-8"))
            return nil
        }
        switch SectionedFile.parse(text, path: path) {
        case let .success(file): return file
        case let .failure(diagnostic): diagnostics.append(diagnostic); return nil
        }
    }

    /// When the law a file states was last checked, and when it must be checked again. Required in
    /// question files; accepted, and checked as dates, in the others.
    static let lawDateKeys = ["law-checked", "review-by"]
    static let toolkitSettings = ["id", "title", "summary", "version", "law-as-at", "review-by", "minutes", "languages"]

    /// Reads a file that has a single section of front matter and a body, with where the body starts. Its
    /// law dates, where it may have them, go into `lawDates`.
    private mutating func readSimple(_ path: String, allowed: [String]) -> (FrontMatter, String, SourceLocation)? {
        readSection(path, allowed: allowed).map { ($0.0, $0.1.body, $0.1.bodyStart(in: path)) }
    }

    private mutating func readSection(_ path: String, allowed: [String]) -> (FrontMatter, SectionedFile.Section)? {
        guard let file = read(path) else { return nil }
        if file.sections.count > 1 {
            diagnostics.append(.error("this file should have one block of front matter, but has \(file.sections.count)",
                                      at: SourceLocation(file: path, line: file.sections[1].frontMatterLine - 1, column: 1),
                                      fix: "use '***' rather than '---' for a horizontal rule in the text"))
        }
        let section = file.sections[0]
        guard let settings = FrontMatter(section.frontMatter, path: path, firstLine: section.frontMatterLine,
                                         allowed: allowed, diagnostics: &diagnostics) else { return nil }
        if allowed.contains("law-checked") {
            lawDates.append(settings.lawDates(required: false, diagnostics: &diagnostics))
        }
        return (settings, section)
    }

    private mutating func loadToolkit(_ folder: String) -> Toolkit? {
        guard let (settings, body, bodyStart) = readSimple(folder + "/toolkit.md", allowed: Self.toolkitSettings)
        else { return nil }
        let firstDates = lawDates.count
        let toolkitDates = settings.lawDates(checkedKey: "law-as-at", required: true, diagnostics: &diagnostics)
        lawDates.append(toolkitDates)
        var minutes: Int?
        if let text = settings.string("minutes", diagnostics: &diagnostics) {
            minutes = Int(text.value)
            if minutes == nil {
                diagnostics.append(.error("'minutes' should be a whole number", at: text.location, fix: "write it like 'minutes: 30'"))
            }
        }
        var toolkit = Toolkit(
            id: settings.string("id", diagnostics: &diagnostics)?.value ?? Self.id(fromName: folder),
            title: settings.string("title", required: true, example: "Data protection toolkit", diagnostics: &diagnostics)?.value ?? "",
            summary: settings.string("summary", diagnostics: &diagnostics)?.value ?? "",
            version: settings.string("version", required: true, example: "2026.11", diagnostics: &diagnostics)?.value ?? "",
            lawAsAt: toolkitDates.lawChecked?.value ?? "",
            reviewBy: toolkitDates.reviewBy?.value ?? "",
            minutes: minutes, startPage: body, tracks: [], location: settings.start, startPageLocation: bodyStart)
        toolkit.languages = TranslationFiles.languages(settings, diagnostics: &diagnostics)
        let meanings = Priority.allCases.map(\.rawValue)
        if let (report, reportBody, reportStart) = readSimple(folder + "/report.md", allowed: ["title", "notice"] + meanings + Self.lawDateKeys) {
            var priorityMeanings: [Priority: String] = [:]
            for priority in Priority.allCases {
                priorityMeanings[priority] = report.string(priority.rawValue, diagnostics: &diagnostics)?.value
            }
            toolkit.report = ReportIntroduction(
                title: report.string("title", required: true, example: "Your report", diagnostics: &diagnostics)?.value ?? "",
                body: reportBody,
                notice: report.string("notice", diagnostics: &diagnostics)?.value ?? "",
                priorityMeanings: priorityMeanings, location: report.start, bodyLocation: reportStart)
        }
        let glossaryPath = folder + "/glossary.md"
        if exists(glossaryPath), let (_, glossary) = readSection(glossaryPath, allowed: ["title"] + Self.lawDateKeys) {
            toolkit.glossary = GlossaryReader.terms(in: glossary.body, file: glossaryPath, firstLine: glossary.bodyLine,
                                                    firstColumn: glossary.bodyColumn)
        }

        var parts: [Part] = []
        for (name, entry) in entries(of: folder) {
            if ["toolkit.md", "report.md", "glossary.md"].contains(name) { continue }
            if exists(entry + "/track.md") {
                if let track = loadTrack(entry) { toolkit.tracks.append(track) }
            } else if exists(entry + "/part.md") {
                if let part = loadPart(entry) { parts.append(part) }
            } else {
                diagnostics.append(.error("'\(name)' is neither a part nor a track",
                                          at: SourceLocation(file: entry, line: 1, column: 1),
                                          fix: "a part folder holds part.md, a track folder holds track.md; move other files out of the content folder"))
            }
        }
        if toolkit.tracks.isEmpty {
            // A toolkit with one set of rules: its parts make the only track.
            toolkit.tracks = [Track(id: toolkit.id, title: toolkit.title, parts: parts, location: toolkit.location)]
        } else {
            toolkit.openingParts = parts
        }
        toolkit.lawDates = lawDates[firstDates...].filter { $0.lawChecked != nil || $0.reviewBy != nil }
        toolkit.translatedFiles = loadTranslations(in: folder, of: toolkit)
        return toolkit
    }

    private mutating func loadTrack(_ folder: String) -> Track? {
        guard let (settings, body, bodyStart) = readSimple(folder + "/track.md", allowed: ["id", "title", "when", "if-unsure"] + Self.lawDateKeys) else { return nil }
        var parts: [Part] = []
        for (name, entry) in entries(of: folder) where name != "track.md" {
            if exists(entry + "/part.md") {
                if let part = loadPart(entry) { parts.append(part) }
            } else {
                diagnostics.append(.error("'\(name)' in a track folder is not a part",
                                          at: SourceLocation(file: entry, line: 1, column: 1),
                                          fix: "a track folder holds track.md and part folders, each with a part.md"))
            }
        }
        let id = settings.string("id", diagnostics: &diagnostics)?.value ?? Self.id(fromName: folder)
        // Tracks often share part names (lawfulness, rights), so a part's id is qualified by its track.
        for index in parts.indices { parts[index].id = "\(id)-\(parts[index].id)" }
        return Track(id: id,
                     title: settings.string("title", required: true, example: "Law enforcement processing",
                                            diagnostics: &diagnostics)?.value ?? "",
                     description: body, when: settings.condition("when", diagnostics: &diagnostics),
                     ifUnsure: settings.string("if-unsure", diagnostics: &diagnostics)?.value ?? "",
                     parts: parts, location: settings.start, descriptionLocation: bodyStart)
    }

    private mutating func loadPart(_ folder: String) -> Part? {
        guard let (settings, body, bodyStart) = readSimple(folder + "/part.md", allowed: ["id", "title"] + Self.lawDateKeys) else { return nil }
        let partLawChecked = lawDates.last.flatMap { $0.file == folder + "/part.md" ? $0.lawChecked?.value : nil }
        let entries = entries(of: folder).filter { $0.name != "part.md" }
        // Each file is read on its own, on every core; what each finds is added in the files' order, so the
        // diagnostics and the model are the same as when they were read one by one. A folder named NAME.md
        // is found as it is read, rather than asked about first.
        let reads = QuestionFiles.read(entries.map(\.path).filter { $0.hasSuffix(".md") }, reusing: parsed)
        var questionReads: [QuestionFiles.Read] = []
        var next = reads.makeIterator()
        for (name, entry) in entries {
            if entry.hasSuffix(".md"), let read = next.next(), !read.isFolder {
                if parsed != nil { questionFilesRead.insert(entry) }
                questionReads.append(read)
                continue
            }
            diagnostics.append(.error("'\(name)' is not a question file", at: SourceLocation(file: entry, line: 1, column: 1),
                                      fix: "a part folder holds part.md and one .md file per question"))
        }
        var questions: [Question] = []
        for read in questionReads {
            diagnostics += read.diagnostics
            lawDates += read.lawDates
            if let question = read.question { questions.append(question) }
        }
        return Part(id: settings.string("id", diagnostics: &diagnostics)?.value ?? Self.id(fromName: folder),
                    title: settings.string("title", required: true, example: "Lawfulness", diagnostics: &diagnostics)?.value ?? "",
                    introduction: body, questions: questions, lawChecked: partLawChecked, location: settings.start,
                    introductionLocation: bodyStart)
    }
}

/// The glossary: each `## Term` heading starts an entry; its id is the term in lower case with dashes.
enum GlossaryReader {
    /// `markdown` is the body of `file`, its first line starting at `firstLine` and `firstColumn`. Each term
    /// knows where its heading is, and where its definition starts.
    static func terms(in markdown: String, file: String = "<memory>", firstLine: Int = 1, firstColumn: Int = 1) -> [GlossaryTerm] {
        var terms: [GlossaryTerm] = []
        var current: (term: String, index: Int, lines: [String])?
        func finish() {
            guard let (term, index, lines) = current else { return }
            let (definition, start) = lines.joined(separator: "\n").trimmedWithStart
            terms.append(GlossaryTerm(id: id(for: term), term: term, definition: definition,
                                      location: SourceLocation(file: file, line: firstLine + index, column: index == 0 ? firstColumn : 1),
                                      definitionLocation: SourceLocation(file: file, line: firstLine + index + 1 + start.lines,
                                                                         column: start.column)))
        }
        for (index, line) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("## ") {
                finish()
                current = (line.dropFirst(3).trimmedOfSpaces, index, [])
            } else {
                current?.lines.append(String(line))
            }
        }
        finish()
        return terms
    }

    static func id(for term: String) -> String {
        term.lowercased().split { !($0.isLetter || $0.isNumber) }.joined(separator: "-")
    }
}
