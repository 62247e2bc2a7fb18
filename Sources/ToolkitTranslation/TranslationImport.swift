import Foundation
import ToolkitContent
import ToolkitModel

/// Places a translated XLIFF's texts into translation files. A unit is placed only when its file and key
/// are the content's and its source text is the source's today; a file is written only when every one of
/// its texts has a translation (from the XLIFF, or kept from the file as it was).
public enum TranslationImport {
    /// A unit, or a whole `<file>`, that could not be placed, at its line in the XLIFF.
    public struct Unplaced: Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    public struct Plan: Sendable {
        /// Translation files to write: path and text.
        public var writes: [(path: String, text: String)] = []
        public var unplaced: [Unplaced] = []
        /// Files with some texts still untranslated, which were not written.
        public var incomplete: [String] = []
        /// Files the XLIFF translates exactly as they are already.
        public var unchanged = 0
    }

    /// Reads the XLIFF file's bytes; a document that cannot be read is one unplaced item at its line.
    public static func plan(xliff data: Data, toolkits: [Toolkit], content: String) -> Plan {
        switch XLIFFReader.read(data) {
        case let .success(document): return plan(document, toolkits: toolkits, content: content)
        case let .failure(failure):
            var plan = Plan()
            plan.unplaced.append(Unplaced(line: failure.line, message: failure.message))
            return plan
        }
    }

    public static func plan(_ document: XLIFFDocument, toolkits: [Toolkit], content: String) -> Plan {
        var plan = Plan()
        guard let language = document.targetLanguage, !language.isEmpty else {
            plan.unplaced.append(Unplaced(line: 1, message: "the document has no trgLang, so its language is not known"))
            return plan
        }
        // Every source file of the toolkits that declare the language, by its path within the content folder.
        var sources: [String: (toolkit: Toolkit, file: TranslatableFile)] = [:]
        for toolkit in toolkits where toolkit.languages.dropFirst().contains(language) {
            for file in toolkit.translatableFiles { sources[TranslationExport.relative(file.file, to: content)] = (toolkit, file) }
        }
        guard !sources.isEmpty else {
            plan.unplaced.append(Unplaced(line: 1, message: "no toolkit declares the language '\(language)'; add it to 'languages' in toolkit.md"))
            return plan
        }
        for xliffFile in document.files {
            guard let original = xliffFile.original, let (toolkit, source) = sources[original] else {
                plan.unplaced.append(Unplaced(line: xliffFile.line, message: "the file '\(xliffFile.original ?? "(no 'original')")' is not a content file "
                    + "of a toolkit in \(language); its \(xliffFile.units.count) units were not placed"))
                continue
            }
            if document.sourceLanguage != toolkit.sourceLanguage {
                plan.unplaced.append(Unplaced(line: xliffFile.line, message: "the document's source language is '\(document.sourceLanguage)', "
                    + "but \(original) is written in '\(toolkit.sourceLanguage)'; its units were not placed"))
                continue
            }
            place(xliffFile, original: original, source: source, language: language,
                  existing: toolkit.translatedFiles.first { $0.language == language && $0.source == source.file }, into: &plan)
        }
        return plan
    }

    private static func place(_ xliffFile: XLIFFDocument.File, original: String, source: TranslatableFile, language: String,
                              existing: TranslatedFile?, into plan: inout Plan) {
        let old = existing?.texts.mapValues(\.value) ?? [:]
        var texts = old
        var confirmed: Set<String> = []
        var seen: Set<String> = []
        for unit in xliffFile.units {
            let name = "\(original)#\(unit.key)"
            guard seen.insert(unit.key).inserted else {
                plan.unplaced.append(Unplaced(line: unit.line, message: "the unit '\(name)' appears twice; the first was placed"))
                continue
            }
            guard let current = source.text(unit.key) else {
                plan.unplaced.append(Unplaced(line: unit.line, message: "'\(name)' is not a text of \(original) (it may have been removed since the export)"))
                continue
            }
            guard TextFingerprint.normalised(unit.source) == TextFingerprint.normalised(current.text) else {
                plan.unplaced.append(Unplaced(line: unit.line, message: "the source text of '\(name)' has changed since the export; "
                    + "translate it from a new export ('toolkit translate export --lang \(language)')"))
                continue
            }
            guard let target = unit.target?.trimmingCharacters(in: .whitespacesAndNewlines), !target.isEmpty else { continue }
            if let problem = TranslationFileWriter.problem(key: unit.key, text: target) {
                plan.unplaced.append(Unplaced(line: unit.line, message: "the translation of '\(name)' cannot be placed: \(problem)"))
                continue
            }
            texts[unit.key] = target
            // A text counts as checked against today's source unless it is the old translation, handed
            // back still marked as needing review.
            if unit.state != "initial" || old[unit.key] == nil || old[unit.key] != target { confirmed.insert(unit.key) }
        }
        let keys = source.texts.map(\.key)
        texts = texts.filter { keys.contains($0.key) }
        let missing = keys.filter { texts[$0] == nil }
        guard missing.isEmpty else {
            if missing.count < keys.count || existing != nil {
                plan.incomplete.append("\(original): not written, \(missing.count) of \(keys.count) texts have no translation yet")
            }
            return
        }
        // Up to date only when every text was confirmed against today's source, or was so already.
        let upToDate = existing?.translatedFrom?.value == source.fingerprint
        let fingerprint = keys.allSatisfy { confirmed.contains($0) || (upToDate && old[$0] == texts[$0]) }
            ? source.fingerprint : existing?.translatedFrom?.value
        if texts == old && fingerprint == existing?.translatedFrom?.value {
            plan.unchanged += 1
            return
        }
        do {
            let text = try TranslationFileWriter.text(for: source, texts: texts, translatedFrom: fingerprint)
            plan.writes.append((TranslationLayout.path(of: source.file, in: language), text))
        } catch {
            plan.unplaced.append(Unplaced(line: xliffFile.line, message: "\(original) could not be written: \(error)"))
        }
    }
}
