import ArgumentParser
import Foundation
import ToolkitBuild
import ToolkitChecks
import ToolkitContent
import ToolkitModel
import ToolkitTranslation

/// The translator's workflow: the content out as XLIFF 2.0, the translation back in as `NAME.LANG.md` files.
struct Translate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Hand the content to a translator as XLIFF 2.0, and take the translation back.",
        discussion: """
            Export writes one unit per text to translate, with the translations there are now; a translation \
            made from an older source comes marked for review. Import writes or updates the NAME.LANG.md files \
            beside their sources, and says which units it could not place.
            Example: toolkit translate export --lang cy -o cy.xlf, then toolkit translate import cy.xlf
            """,
        subcommands: [Export.self, Import.self])

    /// The toolkits, or nil when a source file has errors: the texts to translate would be incomplete.
    /// Errors in translation files do not stop the workflow, since an import may be what mends them.
    static func loadSources(_ content: String) -> [Toolkit]? {
        let loaded = ContentLoader.load(directory: content)
        let errors = loaded.diagnostics.filter { $0.severity == .error && TranslationLayout.language(ofFile: $0.location.file) == nil }
        guard errors.isEmpty else {
            DiagnosticPrinter.print(errors)
            printError("toolkit: the content has errors: mend them first (run 'toolkit check')")
            return nil
        }
        return loaded.toolkits
    }
}

extension Translate {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write the texts to translate into LANG as an XLIFF 2.0 file.")

        @OptionGroup var folder: ContentFolder
        @Option(help: "The language to translate into, as 'languages' in toolkit.md lists it (for example cy).") var lang: String
        @Option(name: .shortAndLong, help: "The XLIFF file to write (default: the standard output).") var output: String?

        func run() throws {
            guard let toolkits = Translate.loadSources(folder.content) else { throw ExitCode.failure }
            let xliff: String
            do {
                xliff = try TranslationExport.xliff(toolkits, language: lang, content: folder.content)
            } catch {
                printError("toolkit: \(error)")
                throw ExitCode.failure
            }
            guard let output else {
                FileHandle.standardOutput.write(Data(xliff.utf8))
                return
            }
            try Data(xliff.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            let units = xliff.components(separatedBy: "<unit ").count - 1
            printError("toolkit: wrote \(output) (\(units) texts to translate into \(lang))")
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write or update the translation files from a translated XLIFF 2.0 file.",
            discussion: """
                A unit is placed when its file and text are still in the content and its source text has not \
                changed since the export. A file is written when all its texts are translated; its \
                'translated-from' then records the source it matches.
                """)

        @OptionGroup var folder: ContentFolder
        @Argument(help: "The translated XLIFF file.") var file: String

        func run() throws {
            guard let data = FileManager.default.contents(atPath: file) else {
                printError("toolkit: cannot read \(file)")
                throw ExitCode.failure
            }
            guard let toolkits = Translate.loadSources(folder.content) else { throw ExitCode.failure }
            let plan = TranslationImport.plan(xliff: data, toolkits: toolkits, content: folder.content)
            for item in plan.unplaced { printError("\(file):\(item.line): not placed: \(item.message)") }
            for note in plan.incomplete { printError("toolkit: \(note)") }
            for (path, text) in plan.writes {
                try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            }
            let written = plan.writes.count
            printError("toolkit: wrote \(written) translation file\(written == 1 ? "" : "s"), \(plan.unchanged) already up to date"
                + (plan.unplaced.isEmpty ? "" : "; \(plan.unplaced.count) could not be placed"))
            // What the translation files say now, so a broken glossary link or heading shows at once.
            let loaded = ContentLoader.load(directory: folder.content)
            let diagnostics = (loaded.diagnostics + loaded.toolkits.flatMap { ToolkitChecks.check($0) })
                .filter { TranslationLayout.language(ofFile: $0.location.file) != nil }.sorted
            DiagnosticPrinter.print(diagnostics)
            DiagnosticPrinter.coverage(loaded.toolkits).forEach(printError)
            if !plan.unplaced.isEmpty || diagnostics.hasErrors { throw ExitCode.failure }
        }
    }
}
