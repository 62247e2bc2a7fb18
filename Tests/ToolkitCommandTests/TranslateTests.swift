import Foundation
import Testing

/// `toolkit translate export` and `import` as a publisher runs them, and the coverage line of `check`, on a
/// copy of the toolkit translated into Welsh.
@Suite("toolkit translate")
struct TranslateTests {
    /// A folder holding `content/`, a copy of the Welsh fixture.
    func project() throws -> String {
        let folder = temporaryFolder()
        try copy(fixtures + "/welsh/content", to: folder + "/content")
        return folder
    }

    let suppliers = "content/analytics-check/2-general/2-accountability/02-gp-suppliers.cy.md"

    @Test func checkSaysHowMuchIsTranslated() throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let full = try runToolkit(["check"], in: folder)
        #expect(full.status == 0 && full.errors == "cy: 20 of 20 files translated, 0 out of date\n", "\(full.errors)")
        try FileManager.default.removeItem(atPath: folder + "/" + suppliers)
        let source = folder + "/content/analytics-check/2-general/2-accountability/01-gp-dpia.md"
        try read(source).replacingOccurrences(of: "Review the assessment", with: "Read the assessment again")
            .write(toFile: source, atomically: true, encoding: .utf8)
        let partial = try runToolkit(["check"], in: folder)
        #expect(partial.status == 0)
        #expect(partial.errors.hasPrefix("content/analytics-check/2-general/2-accountability/01-gp-dpia.cy.md:2:18: warning: "
                                         + "content/analytics-check/2-general/2-accountability/01-gp-dpia.md has changed since this translation was made."))
        #expect(partial.errors.hasSuffix("0 errors, 1 warning\ncy: 19 of 20 files translated, 1 out of date\n"), "\(partial.errors)")
    }

    @Test func exportThenImportRestoresAMissingTranslation() throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let original = try #require(FileManager.default.contents(atPath: folder + "/" + suppliers))
        let export = try runToolkit(["translate", "export", "--lang", "cy", "-o", "cy.xlf"], in: folder)
        #expect(export.status == 0 && export.errors == "toolkit: wrote cy.xlf (183 texts to translate into cy)\n", "\(export.errors)")
        #expect(read(folder + "/cy.xlf").hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\""))
        let stdout = try runToolkit(["translate", "export", "--lang", "cy"], in: folder)
        #expect(stdout.output == read(folder + "/cy.xlf") && stdout.errors.isEmpty)

        try FileManager.default.removeItem(atPath: folder + "/" + suppliers)
        let result = try runToolkit(["translate", "import", "cy.xlf"], in: folder)
        #expect(result.status == 0)
        #expect(result.errors == "toolkit: wrote 1 translation file, 19 already up to date\ncy: 20 of 20 files translated, 0 out of date\n", "\(result.errors)")
        #expect(FileManager.default.contents(atPath: folder + "/" + suppliers) == original)
    }

    @Test func importReportsWhatItCannotPlaceWithTheLine() throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try runToolkit(["translate", "export", "--lang", "cy", "-o", "cy.xlf"], in: folder).status == 0)
        let xliff = read(folder + "/cy.xlf").replacingOccurrences(of: #"<unit id="hint" name="analytics-check/2-general/2-accountability/02-gp-suppliers.md#hint">"#,
                                                                  with: #"<unit id="hints" name="analytics-check/2-general/2-accountability/02-gp-suppliers.md#hints">"#)
        try xliff.write(toFile: folder + "/cy.xlf", atomically: true, encoding: .utf8)
        let line = (xliff.components(separatedBy: "\n").firstIndex { $0.contains(#"<unit id="hints""#) } ?? -1) + 1
        let result = try runToolkit(["translate", "import", "cy.xlf"], in: folder)
        #expect(result.status == 1)
        #expect(result.errors.hasPrefix("cy.xlf:\(line): not placed: 'analytics-check/2-general/2-accountability/02-gp-suppliers.md#hints' "
                                        + "is not a text of analytics-check/2-general/2-accountability/02-gp-suppliers.md"), "\(result.errors)")
        #expect(result.errors.contains("toolkit: wrote 0 translation files, 20 already up to date; 1 could not be placed\n"))

        let broken = try runToolkit(["translate", "import", "missing.xlf"], in: folder)
        #expect(broken.status == 1 && broken.errors == "toolkit: cannot read missing.xlf\n")
        try "<xliff version=\"2.0\">\n<file>\n".write(toFile: folder + "/bad.xlf", atomically: true, encoding: .utf8)
        let malformed = try runToolkit(["translate", "import", "bad.xlf"], in: folder)
        #expect(malformed.status == 1 && malformed.errors.hasPrefix("bad.xlf:2: not placed: the file cannot be read as XML: it is not well-formed XML"), "\(malformed.errors)")
    }

    @Test func exportNeedsALanguageTheToolkitDeclares() throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try runToolkit(["translate", "export", "--lang", "fr", "-o", "fr.xlf"], in: folder)
        #expect(result.status == 1)
        #expect(result.errors == "toolkit: no toolkit declares 'fr' as a language to translate into (analytics-check: en, cy); "
                + "add it to 'languages' in toolkit.md, after the source language: 'languages: [en, fr]'\n")
        #expect(!FileManager.default.fileExists(atPath: folder + "/fr.xlf"))
    }

    @Test func theShippedContentIsInEnglishOnly() throws {
        let result = try runToolkit(["translate", "export", "--lang", "cy"], in: packageRoot)
        #expect(result.status == 1 && result.errors.contains("no toolkit declares 'cy'"), "\(result.errors)")
    }
}
