import Foundation
import Testing
import ToolkitContent
import ToolkitModel
import ToolkitTestSupport
@testable import ToolkitTranslation

/// Export then import gives back the translation files as they were; what cannot be placed is reported
/// at its line in the XLIFF.
struct RoundTripTests {
    func translationFiles(under root: String) -> [String: Data] {
        let paths = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
        var files: [String: Data] = [:]
        for path in paths where path.hasSuffix(".cy.md") { files[path] = FileManager.default.contents(atPath: root + "/" + path) }
        return files
    }

    func write(_ plan: TranslationImport.Plan) throws {
        for (path, text) in plan.writes { try Data(text.utf8).write(to: URL(fileURLWithPath: path)) }
    }

    @Test func exportThenImportWritesTheTranslationFilesByteForByte() throws {
        let content = try TemporaryContent.welsh()
        let before = translationFiles(under: content.root)
        #expect(before.count == 20)
        let loaded = ContentLoader.load(directory: content.root)
        let xliff = try TranslationExport.xliff(loaded.toolkits, language: "cy", content: content.root)
        #expect(!xliff.contains(content.root), "paths in the XLIFF are relative to the content folder")

        // Importing it over the files as they are changes nothing.
        let unchanged = TranslationImport.plan(xliff: Data(xliff.utf8), toolkits: loaded.toolkits, content: content.root)
        #expect(unchanged.writes.isEmpty && unchanged.unplaced.isEmpty && unchanged.unchanged == 20)

        // Without the files, importing writes them again, byte for byte.
        for path in before.keys { try FileManager.default.removeItem(atPath: content.root + "/" + path) }
        let bare = ContentLoader.load(directory: content.root)
        #expect(bare.toolkits.first?.translation("cy").untranslatedFiles.count == 20)
        let plan = TranslationImport.plan(xliff: Data(xliff.utf8), toolkits: bare.toolkits, content: content.root)
        #expect(plan.unplaced.isEmpty, "\(plan.unplaced)")
        #expect(plan.writes.count == 20)
        try write(plan)
        let after = translationFiles(under: content.root)
        #expect(after.keys.sorted() == before.keys.sorted())
        for (path, data) in before {
            #expect(after[path] == data, "\(path) differs after the round trip:\n\(String(decoding: after[path] ?? Data(), as: UTF8.self))")
        }
    }

    @Test func unitsThatCannotBePlacedAreReportedAtTheirLine() throws {
        let content = try TemporaryContent.welsh()
        let loaded = ContentLoader.load(directory: content.root)
        var document = try TranslationExport.document(loaded.toolkits, language: "cy", content: content.root)
        document.files[0].units[0].key = "titel"
        document.files[1].units[1].source = "This report is advice."
        document.files[2].original = "analytics-check/glosary.md"
        let xliff = XLIFFWriter.write(document)
        let lines = xliff.split(separator: "\n", omittingEmptySubsequences: false)
        func line(of text: String) -> Int { (lines.firstIndex { $0.contains(text) } ?? -1) + 1 }
        let plan = TranslationImport.plan(xliff: Data(xliff.utf8), toolkits: loaded.toolkits, content: content.root)
        #expect(plan.unplaced.map(\.description) == [
            "line \(line(of: #"<unit id="titel""#)): 'analytics-check/toolkit.md#titel' is not a text of analytics-check/toolkit.md (it may have been removed since the export)",
            "line \(line(of: #"<unit id="notice""#)): the source text of 'analytics-check/report.md#notice' has changed since the export; translate it from a new export ('toolkit translate export --lang cy')",
            "line \(line(of: #"original="analytics-check/glosary.md""#)): the file 'analytics-check/glosary.md' is not a content file of a toolkit in cy; its 14 units were not placed",
        ])
        // The rest was placed; it matches the files already there.
        #expect(plan.writes.isEmpty && plan.unchanged == 19)
    }

    @Test func aStaleTranslationIsExportedForReviewAndStaysStaleUntilConfirmed() throws {
        let content = try TemporaryContent.welsh()
        let part = content.root + "/analytics-check/0-which-rules/part.md"
        let source = try String(contentsOfFile: part, encoding: .utf8)
        try source.replacingOccurrences(of: "two sets of", with: "two separate sets of").write(toFile: part, atomically: true, encoding: .utf8)
        let loaded = ContentLoader.load(directory: content.root)
        let document = try TranslationExport.document(loaded.toolkits, language: "cy", content: content.root)
        let file = try #require(document.files.first { $0.original == "analytics-check/0-which-rules/part.md" })
        #expect(file.units.map(\.state) == ["initial", "initial"])
        #expect(file.units.allSatisfy { $0.note?.hasPrefix("The source has changed") == true })
        #expect(document.files.filter { $0 != file }.allSatisfy { $0.units.allSatisfy { $0.state == "translated" && $0.note == nil } })

        // Handed back unreviewed, it is not written: it is still the translation of the old source.
        let unreviewed = TranslationImport.plan(document, toolkits: loaded.toolkits, content: content.root)
        #expect(unreviewed.writes.isEmpty && unreviewed.unplaced.isEmpty)

        // Reviewed (a tool marks the segments translated), it records the source as it is now.
        var reviewed = document
        let index = try #require(reviewed.files.firstIndex(of: file))
        for unit in reviewed.files[index].units.indices { reviewed.files[index].units[unit].state = "translated" }
        reviewed.files[index].units[1].target = "Mae gan y DU ddwy set ar wahân o reolau diogelu data. Mae'r cwestiynau cyntaf hyn yn canfod pa set sy'n berthnasol i'ch prosiect."
        let plan = TranslationImport.plan(reviewed, toolkits: loaded.toolkits, content: content.root)
        #expect(plan.writes.count == 1)
        try write(plan)
        let again = try #require(ContentLoader.load(directory: content.root).toolkits.first)
        #expect(again.translationCoverage.map(\.description) == ["cy: 20 of 20 files translated, 0 out of date"])
        #expect(again.translation("cy").toolkit.openingParts[0].introduction.hasPrefix("Mae gan y DU ddwy set ar wahân"))
    }

    @Test func aFileIsWrittenOnlyWhenEveryTextIsTranslated() throws {
        let content = try TemporaryContent.welsh(leavingOut: ["analytics-check/0-which-rules/part.cy.md"])
        let loaded = ContentLoader.load(directory: content.root)
        var document = try TranslationExport.document(loaded.toolkits, language: "cy", content: content.root)
        let index = try #require(document.files.firstIndex { $0.original == "analytics-check/0-which-rules/part.md" })
        #expect(document.files[index].units.allSatisfy { $0.target == nil && $0.state == nil })
        document.files[index].units[0].target = "Pa reolau sy'n berthnasol"
        let plan = TranslationImport.plan(document, toolkits: loaded.toolkits, content: content.root)
        #expect(plan.writes.isEmpty)
        #expect(plan.incomplete == ["analytics-check/0-which-rules/part.md: not written, 1 of 2 texts have no translation yet"])
    }

    @Test func aTranslationThatWouldBreakTheFileIsNotPlaced() throws {
        let content = try TemporaryContent.welsh()
        let loaded = ContentLoader.load(directory: content.root)
        var document = try TranslationExport.document(loaded.toolkits, language: "cy", content: content.root)
        let index = try #require(document.files.firstIndex { $0.original == "analytics-check/0-which-rules/part.md" })
        document.files[index].units[1].target = "Rhan gyntaf.\n\n---\n\nAil ran."
        let plan = TranslationImport.plan(document, toolkits: loaded.toolkits, content: content.root)
        #expect(plan.unplaced.map(\.message) == ["the translation of 'analytics-check/0-which-rules/part.md#introduction' cannot be placed: "
                                                 + "a line '---' in the text would start front matter: write '***' for a horizontal rule"])
    }

    @Test func anExportNeedsADeclaredLanguage() throws {
        let content = try TemporaryContent.welsh()
        let loaded = ContentLoader.load(directory: content.root)
        #expect(throws: TranslationExport.Failure.self) { try TranslationExport.xliff(loaded.toolkits, language: "fr", content: content.root) }
        #expect(throws: TranslationExport.Failure.self) { try TranslationExport.xliff(loaded.toolkits, language: "en", content: content.root) }
    }
}
