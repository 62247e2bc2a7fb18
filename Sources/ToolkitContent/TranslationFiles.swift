import Foundation
import ToolkitModel

/// Translations sit beside their sources as `NAME.LANG.md`: `01-x.cy.md` translates `01-x.md` into Welsh.
/// The loader leaves them out of the toolkit's structure and reads each against its source.
enum TranslationFiles {
    /// The language of a translation file's name, or nil for any other name. A name is taken as a
    /// translation when the part before `.md` ends in a dot and two or three letters, with an optional
    /// region (`.cy.md`, `.pt-BR.md`), so that a misspelt or undeclared language is reported, not read
    /// as a question.
    static func language(ofName name: String) -> String? {
        // Two dots at least (`.cy` and `.md`): most names are let go here, before the Characters are walked.
        guard hasTwoDots(name), name.hasSuffix(".md") else { return nil }
        let stem = name.dropLast(3)
        guard let dot = stem.lastIndex(of: "."), dot != stem.startIndex else { return nil }
        let code = stem[stem.index(after: dot)...]
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        guard let primary = parts.first, (2...3).contains(primary.count), primary.allSatisfy({ $0.isASCII && $0.isLetter }),
              parts.dropFirst().allSatisfy({ (2...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } })
        else { return nil }
        return String(code)
    }

    /// Whether `text` has two dots or more, counted on its bytes.
    static func hasTwoDots(_ text: String) -> Bool {
        var dots = 0
        for byte in text.utf8 where byte == UInt8(ascii: ".") {
            dots += 1
            if dots == 2 { return true }
        }
        return false
    }

    /// `NAME.cy.md` -> `NAME.md`, in the same folder.
    static func sourceName(of name: String, language: String) -> String {
        String(name.dropLast(".\(language).md".count)) + ".md"
    }

    /// Where the translation of `source` into `language` is: `NAME.md` -> `NAME.LANG.md`.
    static func path(of source: String, in language: String) -> String {
        String(source.dropLast(".md".count)) + ".\(language).md"
    }

    /// A language code as BCP 47 writes the common ones: a language of two or three lower-case letters
    /// (two-letter ones must be ISO 639-1 codes), then optionally a region, `en-GB` or `es-419`.
    static func isLanguageCode(_ code: String) -> Bool {
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        guard let primary = parts.first, parts.count <= 2, (2...3).contains(primary.count),
              primary.allSatisfy({ ("a"..."z").contains($0) }) else { return false }
        if primary.count == 2 && !iso639Part1.contains(String(primary)) { return false }
        guard parts.count == 2 else { return true }
        let region = parts[1]
        return (region.count == 2 && region.allSatisfy { ("A"..."Z").contains($0) })
            || (region.count == 3 && region.allSatisfy { ("0"..."9").contains($0) })
    }

    /// The two-letter language codes of ISO 639-1.
    static let iso639Part1: Set<String> = Set("""
        aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en
        eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja
        jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb
        nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq
        sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu
        """.split(whereSeparator: \.isWhitespace).map(String.init))

    /// The `languages` setting of toolkit.md: `[en]` when it is not given; the first is the source.
    static func languages(_ settings: FrontMatter, diagnostics: inout [Diagnostic]) -> [String] {
        guard let items = settings.list("languages") else { return ["en"] }
        var languages: [String] = []
        for item in items {
            let location = settings.valueStart(item)
            guard let code = item.text?.trimmingCharacters(in: .whitespaces) else {
                diagnostics.append(.error("a language should be a code such as 'en' or 'cy'", at: location,
                                          fix: "write the languages as a list of codes, the source language first: 'languages: [en, cy]'"))
                continue
            }
            guard isLanguageCode(code) else {
                let lower = code.lowercased()
                let suggestion = isLanguageCode(lower) ? "write it in lower case: '\(lower)'"
                    : "write a language code of two or three letters, such as en (English) or cy (Welsh)"
                diagnostics.append(.error("'\(code)' is not a language code", at: location, fix: suggestion))
                continue
            }
            if languages.contains(code) {
                diagnostics.append(.error("the language '\(code)' is listed twice", at: location, fix: "list each language once"))
                continue
            }
            languages.append(code)
        }
        if items.isEmpty {
            diagnostics.append(.error("'languages' lists no language", at: settings.location(of: settings.node("languages")!),
                                      fix: "list the source language first, then any translations: 'languages: [en, cy]', or remove the line for English only"))
        }
        return languages.isEmpty ? ["en"] : languages
    }
}

extension TranslationFiles {
    /// Every translation file under `folder`, relative to it, in name order, leaving out hidden files and
    /// editors' backups (and what is in hidden folders).
    static func paths(under folder: String) -> [String] {
        // The walk `FileManager.enumerator(atPath:)` makes, which then takes every "BASE/" out of each URL's
        // path with NSString: done here without bridging for the usual path, ASCII with BASE/ only at its start.
        let base = URL(fileURLWithPath: folder)
        guard !folder.isEmpty, let walk = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { return [] }
        let prefix = Array((base.path + "/").utf8)
        var paths: [String] = []
        for case let url as URL in walk {
            let full = url.path
            // The relative path has no more dots than this one; a translation's name has two.
            guard TranslationFiles.hasTwoDots(full) else { continue }
            let bytes = Array(full.utf8)
            let relative: String
            if bytes.allSatisfy({ $0 < 0x80 }), bytes.starts(with: prefix),
               !(prefix.count..<bytes.count).contains(where: { bytes[$0...].starts(with: prefix) }) {
                relative = String(decoding: bytes[prefix.count...], as: UTF8.self)
            } else {
                relative = full.replacingOccurrences(of: base.path + "/", with: "")
            }
            let names = relative.split(separator: "/").map(String.init)
            if TranslationFiles.language(ofName: names.last ?? "") != nil && !names.contains(where: IgnoredFiles.contains) {
                paths.append(relative)
            }
        }
        return paths.sorted()
    }
}

extension ContentLoader {
    /// Reads every `NAME.LANG.md` in the toolkit's folder against its source, reporting a translation
    /// into a language the toolkit does not declare, or of a file that is not there.
    mutating func loadTranslations(in folder: String, of toolkit: Toolkit) -> [TranslatedFile] {
        let relatives = TranslationFiles.paths(under: folder)
        // Worked out only for a toolkit that has translations: it holds every text of every file.
        guard !relatives.isEmpty else { return [] }
        let sources = Dictionary(toolkit.translatableFiles.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
        let others = toolkit.languages.dropFirst().joined(separator: ", ")
        var translated: [TranslatedFile] = []
        for relative in relatives {
            let path = folder + "/" + relative
            let name = (relative as NSString).lastPathComponent
            let language = TranslationFiles.language(ofName: name)!
            let top = SourceLocation(file: path, line: 1, column: 1)
            let sourcePath = (path as NSString).deletingLastPathComponent + "/" + TranslationFiles.sourceName(of: name, language: language)
            let sourceName = (sourcePath as NSString).lastPathComponent
            guard language != toolkit.sourceLanguage else {
                diagnostics.append(.error("'\(name)' is a translation into '\(language)', the language the toolkit is written in", at: top,
                                          fix: "edit \(sourceName) itself, and delete this file"))
                continue
            }
            guard toolkit.languages.contains(language) else {
                let declared = others.isEmpty ? "it declares none" : "it declares \(others)"
                diagnostics.append(.error("'\(name)' is a translation into '\(language)', a language the toolkit does not declare (\(declared))",
                                          at: top,
                                          fix: "add '\(language)' to 'languages' in toolkit.md, or rename the file; a file whose name has a dot before '.md' is read as a translation"))
                continue
            }
            guard exists(sourcePath) else {
                diagnostics.append(.error("'\(name)' translates \(sourceName), which is not there", at: top,
                                          fix: "a translation sits beside its source with the same name: rename it to match the source, or delete it"))
                continue
            }
            guard let source = sources[sourcePath] else {
                // A source with errors of its own is left out of the toolkit; those errors are reported already.
                if !diagnostics.contains(where: { $0.location.file == sourcePath && $0.severity == .error }) {
                    diagnostics.append(.error("\(sourceName) has no words to translate, so '\(name)' has nothing to give", at: top,
                                              fix: "delete this file"))
                }
                continue
            }
            guard let file = read(path) else { continue }
            var reader = TranslationReader(language: language, source: source, file: file)
            translated.append(reader.read())
            diagnostics += reader.diagnostics
        }
        return translated
    }

    /// The source file cut into sections; its own errors were reported when it was loaded.
    static func quietlyRead(_ path: String) -> SectionedFile? {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8),
              case let .success(file) = SectionedFile.parse(text, path: path) else { return nil }
        return file
    }
}
