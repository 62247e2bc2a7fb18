import ArgumentParser
import Foundation
import ToolkitBuild
import ToolkitContent

/// Starts a new question, part or toolkit from a correctly formed file, so an editor fills in words
/// rather than remembering the format.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new question, part or toolkit from a file ready to fill in.",
        discussion: """
            Examples:
              toolkit new toolkit data-sharing
              toolkit new part lawfulness --in content/data-sharing
              toolkit new question lawful-basis --in content/data-sharing/1-lawfulness
            The name becomes the id: lower-case words joined by dashes. Files are numbered after the ones \
            already in the folder. Nothing is ever overwritten.
            """)

    enum Kind: String, ExpressibleByArgument, CaseIterable { case question, part, toolkit }

    @Argument(help: "What to start: question, part or toolkit.") var kind: Kind
    @Argument(help: "Its id, for example 'lawful-basis'.") var name: String
    @Option(name: .customLong("in"), help: ArgumentHelp(
        "The folder to put it in: a part folder for a question, a toolkit or track folder for a part, the content folder for a toolkit.",
        valueName: "folder"))
    var folder: String?
    /// Where a toolkit goes when --in is left out.
    @OptionGroup var contentFolder: ContentFolder

    func run() throws {
        let id = Self.id(from: name)
        guard !id.isEmpty else { fail("'\(name)' has no letters or digits to make an id from") }
        if id != name { print("Using the id '\(id)'.") }
        let files = FileManager.default
        switch kind {
        case .toolkit:
            let parent = folder ?? contentFolder.content
            let target = parent + "/" + id
            guard !files.fileExists(atPath: target) else { fail("\(target) already exists; nothing was written") }
            try write(Self.toolkitFile(title: id), to: target + "/toolkit.md")
            try write(Self.reportFile, to: target + "/report.md")
            print("Wrote \(target)/toolkit.md and \(target)/report.md.")
            print("Next: add a part with 'toolkit new part first-part --in \(target)', then fill in the files.")

        case .part:
            let parent = try folder ?? defaultFolder(holding: ["toolkit.md", "track.md"], what: "a toolkit or track folder",
                                                     example: "toolkit new part \(id) --in content/my-toolkit")
            guard files.fileExists(atPath: parent + "/toolkit.md") || files.fileExists(atPath: parent + "/track.md") else {
                fail("\(parent) is not a toolkit or track folder (it has no toolkit.md or track.md)")
            }
            try refuseDuplicate(id, kind: "part", in: parent)
            let target = parent + "/" + Self.numbered(id, in: parent, width: 1)
            try write(Self.partFile, to: target + "/part.md")
            print("Wrote \(target)/part.md.")
            print("Next: add a question with 'toolkit new question first-question --in \(target)'.")

        case .question:
            let parent = try folder ?? defaultFolder(holding: ["part.md"], what: "a part folder",
                                                     example: "toolkit new question \(id) --in content/my-toolkit/1-first-part")
            guard files.fileExists(atPath: parent + "/part.md") else {
                fail("\(parent) is not a part folder (it has no part.md)")
            }
            try refuseDuplicate(id, kind: "question", in: parent)
            let target = parent + "/" + Self.numbered(id, in: parent, width: 2) + ".md"
            try write(Self.questionFile(), to: target)
            print("Wrote \(target).")
            print("Next: write the question, its answers and guidance, then run 'toolkit check' (or watch 'toolkit serve').")
        }
    }

    private func fail(_ message: String) -> Never {
        printError("toolkit: \(message)")
        Self.exit(withError: ExitCode.failure)
    }

    /// Writes a new file, never over an existing one.
    private func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        do {
            try Data(text.utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            fail("\(path) already exists; nothing was written")
        }
    }

    /// The current folder when it is the right kind, else a clear message naming the folders that are.
    private func defaultFolder(holding markers: [String], what: String, example: String) throws -> String {
        let files = FileManager.default
        if markers.contains(where: { files.fileExists(atPath: "./" + $0) }) { return "." }
        var candidates: [String] = []
        if let paths = files.enumerator(atPath: contentFolder.content)?.compactMap({ $0 as? String }) {
            for path in paths.sorted() where markers.contains((path as NSString).lastPathComponent) {
                candidates.append(contentFolder.content + "/" + (path as NSString).deletingLastPathComponent)
            }
        }
        if candidates.count == 1 { return candidates[0] }
        var message = "say which folder it goes in with --in \(what), for example: \(example)"
        if !candidates.isEmpty { message += "\nThe folders it can go in:\n  " + candidates.joined(separator: "\n  ") }
        fail(message)
    }

    /// Ids must be unique across a toolkit: refuse a name already used by a file or folder in it.
    private func refuseDuplicate(_ id: String, kind: String, in folder: String) throws {
        var root = URL(fileURLWithPath: folder).standardizedFileURL
        while !FileManager.default.fileExists(atPath: root.path + "/toolkit.md"), root.pathComponents.count > 1 {
            root.deleteLastPathComponent()
        }
        if !FileManager.default.fileExists(atPath: root.path + "/toolkit.md") { root = URL(fileURLWithPath: folder) }
        let paths = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
        for path in paths.sorted() {
            let name = (path as NSString).lastPathComponent
            guard !["part.md", "track.md", "toolkit.md", "report.md", "glossary.md"].contains(name), !name.hasPrefix(".") else { continue }
            if ContentLoader.id(fromName: name) == id {
                fail("the id '\(id)' is already used by \(root.path)/\(path); ids must be unique in a toolkit, so choose another name")
            }
        }
    }

    /// `Data sharing` -> `data-sharing`.
    static func id(from name: String) -> String {
        name.lowercased().split { !($0.isLetter || $0.isNumber) || !$0.isASCII }.joined(separator: "-")
    }

    /// The name numbered after the highest number in the folder: `03-id`, or `2-id` for parts.
    static func numbered(_ id: String, in folder: String, width: Int) -> String {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let numbers = names.compactMap { name -> (Int, Int)? in
            let digits = name.prefix { $0.isNumber }
            guard !digits.isEmpty, name.dropFirst(digits.count).first == "-", let value = Int(digits) else { return nil }
            return (value, digits.count)
        }
        let next = (numbers.map(\.0).max() ?? 0) + 1
        let digits = max(width, numbers.map(\.1).max() ?? width)
        let text = String(next)
        return String(repeating: "0", count: max(digits - text.count, 0)) + text + "-" + id
    }

    static func date(monthsFromNow months: Int = 0) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone.current
        let date = calendar.date(byAdding: .month, value: months, to: Date()) ?? Date()
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 2026, parts.month ?? 1, parts.day ?? 1)
    }

    static func toolkitFile(title: String) -> String {
        let today = date(), year = String(today.prefix(4)), month = String(today.dropFirst(5).prefix(2))
        return """
            ---
            title: The toolkit's title
            summary: One sentence that says who the toolkit is for and what it helps them do.
            version: \(year).\(month)
            law-as-at: \(today)
            review-by: \(date(monthsFromNow: 6))
            ---
            The start page. Say who the toolkit is for, what it covers and what it does not.

            ## Who it is for

            Write who should use the toolkit.

            ## What happens to your answers

            Your answers stay on this device. Nothing you enter is sent anywhere.

            """
    }

    static let reportFile = """
        ---
        title: Your report
        ---
        The text at the top of every report. Say what the report is and what it is not: it is guidance,
        not legal advice.

        """

    static let partFile = """
        ---
        title: The part's title
        ---
        A short introduction to the part, shown at its first question.

        """

    static func questionFile() -> String {
        """
        ---
        question: Write the question here, ending with a question mark?
        options: [yes, no, not-sure]
        hint: One short line under the question to help people answer it. Delete this line if it is not needed.
        # show-if: earlier-question = yes    (remove the '#' to ask this question only when the condition holds)
        law-checked: \(date())
        review-by: \(date(monthsFromNow: 6))
        ---
        More information: explain the words the question uses and why it matters. This text opens when
        someone selects 'More information'. For a heading here, use '##' (never a single '#').

        ---
        for: yes
        priority: keep-doing
        headline: Say in one line what to keep doing
        links:
          - title: The title of a page to read further
            url: https://example.org/replace-this-link
        ---
        The guidance for people who answered Yes. A few short paragraphs.

        ---
        for: [no, not-sure]
        priority: act-now
        headline: Say in one line what to do now
        links:
          - title: The title of a page to read further
            url: https://example.org/replace-this-link
        ---
        The guidance for people who answered No or Not sure.

        """
    }
}
