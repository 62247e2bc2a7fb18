import Foundation
import ToolkitModel
import ToolkitTemplates

/// The theme: Mustache templates (see ToolkitTemplates) that theme authors edit without Swift, static assets (CSS, the JavaScript
/// runtime's files) copied into the site as they are, and the interface's words in each language
/// (`locales/LANGUAGE.yml`).
public struct Theme: Sendable {
    public var templates: TemplateLibrary
    /// Path inside `assets/` -> bytes.
    public var assets: [String: [UInt8]]
    /// Where the templates were read from, so that a page that cannot be rendered names its template's file.
    public var templateFolder: String
    /// The interface's words by language code ("en", "cy").
    public var locales: [String: InterfaceText]
    /// The keys the runtime's scripts use: those the questions page loads at once (`<script src>`) in
    /// `text/interface.js`, and those only the report's later scripts use in `text/interface-report.js`.
    public var runtimeKeys: [String]
    public var reportKeys: [String]
    /// Warnings found while loading (errors make `load` fail instead).
    public var warnings: [Diagnostic] = []

    public static let requiredTemplates = ["index", "start", "questions", "all-guidance", "glossary", "header", "footer"]

    public init(templates: TemplateLibrary, assets: [String: [UInt8]], templateFolder: String = "theme/templates",
                locales: [String: InterfaceText] = [:], runtimeKeys: [String] = [], reportKeys: [String] = []) {
        self.templates = templates; self.assets = assets; self.templateFolder = templateFolder
        self.locales = locales; self.runtimeKeys = runtimeKeys; self.reportKeys = reportKeys
    }

    /// The words of the source language (`en.yml`), which every page is written in today.
    public var sourceText: InterfaceText {
        locales[ThemeLocales.sourceLanguage] ?? InterfaceText(language: ThemeLocales.sourceLanguage)
    }

    /// The words of another language, to render its pages with; nil when the theme has no locale file for it.
    public func text(for language: String) -> InterfaceText? { locales[language] }

    /// Reads `theme/templates/*.mustache` (the pages, and any partial they include), every file under
    /// `theme/assets/` and `theme/locales/*.yml`.
    public static func load(directory: String) -> Result<Theme, DiagnosticList> {
        let files = FileManager.default
        var diagnostics: [Diagnostic] = []
        var library = TemplateLibrary()
        var texts: [String: String] = [:]
        let templateFolder = directory + "/templates"
        let others = ((try? files.contentsOfDirectory(atPath: templateFolder)) ?? [])
            .filter { $0.hasSuffix(".mustache") && !$0.hasPrefix(".") }.map { String($0.dropLast(".mustache".count)) }
        for name in requiredTemplates + others.filter({ !requiredTemplates.contains($0) }).sorted() {
            let path = "\(templateFolder)/\(name).mustache"
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                diagnostics.append(.error("the theme has no template '\(name)'", at: SourceLocation(file: path, line: 1, column: 1),
                                          fix: "add \(name).mustache to \(templateFolder)"))
                continue
            }
            texts[name] = text
            switch Template.parse(text) {
            case let .success(template): library.add(template, named: name)
            case let .failure(problems):
                diagnostics += problems.errors.map {
                    .error($0.message, at: SourceLocation(file: path, line: $0.line, column: $0.column), fix: $0.fix)
                }
            }
        }
        var assets: [String: [UInt8]] = [:]
        let assetFolder = directory + "/assets"
        for relative in (files.enumerator(atPath: assetFolder)?.compactMap { $0 as? String } ?? []).sorted() {
            var isDirectory: ObjCBool = false
            let path = assetFolder + "/" + relative
            if files.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
               let data = files.contents(atPath: path) {
                assets[relative] = [UInt8](data)
            }
        }
        for (name, template) in library.templates.sorted(by: { $0.key < $1.key }) {
            // A missing page template is reported above; a partial of any other name, here, at its tag: a
            // partial the library lacks would write nothing, and a page would lose its header unnoticed.
            for partial in template.partials where texts[partial.name] == nil && !requiredTemplates.contains(partial.name) {
                let path = "\(templateFolder)/\(name).mustache"
                diagnostics.append(.error("the template includes '\(partial.name)', which the theme does not have",
                                          at: SourceLocation(file: path, line: partial.line, column: partial.column),
                                          fix: "add \(templateFolder)/\(partial.name).mustache, or correct the name"))
            }
        }
        if let questions = texts["questions"] {
            diagnostics += runtimeProblems(questionsTemplate: questions, path: "\(templateFolder)/questions.mustache",
                                           assets: assets, assetFolder: assetFolder)
        }
        let (locales, localeProblems) = ThemeLocales.load(folder: directory + "/locales")
        diagnostics += localeProblems
        var runtimeKeys: Set<String> = [], reportKeys: Set<String> = []
        if let source = locales[ThemeLocales.sourceLanguage] {
            let templateUses = texts.sorted { $0.key < $1.key }.flatMap { name, text in
                InterfaceKeyUse.inTemplate(text, path: "\(templateFolder)/\(name).mustache")
            }
            diagnostics += templateUses.flatMap { $0.problems(in: source) }
            // Scripts the questions page loads at once need their words at once; the report's, later.
            let atOnce = texts["questions"] ?? ""
            for name in assets.keys.sorted() where name.hasSuffix(".js") {
                let uses = InterfaceKeyUse.inScript(String(decoding: assets[name]!, as: UTF8.self), path: "\(assetFolder)/\(name)")
                diagnostics += uses.flatMap { $0.problems(in: source) }
                let keys = uses.flatMap { $0.keys(in: source) }
                if atOnce.contains("src=\"{{root}}assets/\(name)\"") { runtimeKeys.formUnion(keys) } else { reportKeys.formUnion(keys) }
            }
        }
        let warnings = diagnostics.filter { $0.severity == .warning }
        guard !diagnostics.hasErrors else { return .failure(DiagnosticList(diagnostics)) }
        var theme = Theme(templates: library, assets: assets, templateFolder: templateFolder, locales: locales,
                          runtimeKeys: runtimeKeys.sorted(), reportKeys: reportKeys.subtracting(runtimeKeys).sorted())
        theme.warnings = warnings
        return .success(theme)
    }

    /// The questions page loads the runtime as several files, in order, by `<script src="{{root}}assets/NAME.js">`
    /// tags (theme/README.md lists them). Without them the questionnaire is an empty page, so each file it
    /// loads must be in assets/, and it must load at least one.
    static func runtimeProblems(questionsTemplate text: String, path: String, assets: [String: [UInt8]],
                                assetFolder: String) -> [Diagnostic] {
        // Both `<script src="{{root}}assets/NAME.js">` and the files main.js loads later (`data-later`).
        let marker = "{{root}}assets/"
        var problems: [Diagnostic] = []
        var found = false
        for (index, line) in text.components(separatedBy: "\n").enumerated() {
            var rest = line[...]
            while let start = rest.range(of: marker) {
                let name = rest[start.upperBound...].prefix { $0 != "\"" && $0 != " " }
                rest = rest[start.upperBound...]
                guard name.hasSuffix(".js") else { continue }
                found = true
                if assets[String(name)] == nil {
                    let column = line.distance(from: line.startIndex, to: start.lowerBound) + 1
                    problems.append(.error("the questions page loads assets/\(name), which the theme does not have",
                                           at: SourceLocation(file: path, line: index + 1, column: column),
                                           fix: "add \(assetFolder)/\(name), or remove its <script> tag"))
                }
            }
        }
        if !found {
            problems.append(.error("the questions page loads no JavaScript runtime", at: SourceLocation(file: path, line: 1, column: 1),
                                   fix: "add the runtime's <script src=\"{{root}}assets/NAME.js\"> tags in the order theme/README.md gives"))
        }
        return problems
    }
}

/// Diagnostics carried as an error.
public struct DiagnosticList: Error, Sendable {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}
