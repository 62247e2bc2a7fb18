import Foundation
import ToolkitModel

/// The translator's file for one language: every translatable text of each toolkit that declares the
/// language, with the translation it has now. A translation made from an older source is marked for review.
public enum TranslationExport {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The XLIFF 2.0 text for `language`. `content` is the folder the toolkits were loaded from: paths
    /// in the document are relative to it.
    public static func xliff(_ toolkits: [Toolkit], language: String, content: String) throws(Failure) -> String {
        XLIFFWriter.write(try document(toolkits, language: language, content: content))
    }

    public static func document(_ toolkits: [Toolkit], language: String, content: String) throws(Failure) -> XLIFFDocument {
        let chosen = toolkits.filter { $0.languages.dropFirst().contains(language) }
        guard let first = chosen.first else {
            let declared = toolkits.map { "\($0.id): \($0.languages.joined(separator: ", "))" }.joined(separator: "; ")
            throw Failure(description: "no toolkit declares '\(language)' as a language to translate into (\(declared)); "
                + "add it to 'languages' in toolkit.md, after the source language: 'languages: [en, \(language)]'")
        }
        if let other = chosen.first(where: { $0.sourceLanguage != first.sourceLanguage }) {
            throw Failure(description: "the toolkits '\(first.id)' and '\(other.id)' are written in different languages "
                + "(\(first.sourceLanguage), \(other.sourceLanguage)); export them from separate content folders")
        }
        var files: [XLIFFDocument.File] = []
        for toolkit in chosen {
            let existing = toolkit.translatedFiles.filter { $0.language == language }
            for source in toolkit.translatableFiles {
                let translation = existing.first { $0.source == source.file }
                let stale = translation != nil && translation?.translatedFrom?.value != source.fingerprint
                let note = translation?.translatedFrom == nil
                    ? "The translation does not say which version of the source it was made from: check it against the source."
                    : "The source has changed since this was translated: check the translation against it."
                let units = source.texts.map { text -> XLIFFDocument.Unit in
                    let target = translation?.texts[text.key]?.value
                    return XLIFFDocument.Unit(key: text.key, source: text.text, target: target,
                                              state: target == nil ? nil : (stale ? "initial" : "translated"),
                                              note: target != nil && stale ? note : nil)
                }
                files.append(XLIFFDocument.File(original: relative(source.file, to: content), fingerprint: source.fingerprint, units: units))
            }
        }
        return XLIFFDocument(sourceLanguage: first.sourceLanguage, targetLanguage: language, files: files)
    }

    /// `content/data-analytics/report.md` -> `data-analytics/report.md`.
    static func relative(_ path: String, to content: String) -> String {
        let folder = content.hasSuffix("/") ? content : content + "/"
        return path.hasPrefix(folder) ? String(path.dropFirst(folder.count)) : path
    }
}
