import Foundation
import Mustache
import ToolkitModel

/// The theme: Mustache templates that theme authors edit without Swift, and static assets
/// (CSS, the JavaScript runtime) copied into the site as they are.
public struct Theme: Sendable {
    public var templates: MustacheLibrary
    /// Path inside `assets/` -> bytes.
    public var assets: [String: [UInt8]]

    public static let requiredTemplates = ["index", "start", "questions", "all-guidance", "glossary", "header", "footer"]

    public init(templates: MustacheLibrary, assets: [String: [UInt8]]) {
        self.templates = templates; self.assets = assets
    }

    /// Reads `theme/templates/*.mustache` and every file under `theme/assets/`.
    public static func load(directory: String) -> Result<Theme, DiagnosticList> {
        let files = FileManager.default
        var diagnostics: [Diagnostic] = []
        var library = MustacheLibrary()
        let templateFolder = directory + "/templates"
        for name in requiredTemplates {
            let path = "\(templateFolder)/\(name).mustache"
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                diagnostics.append(.error("the theme has no template '\(name)'", at: SourceLocation(file: path, line: 1, column: 1),
                                          fix: "add \(name).mustache to \(templateFolder)"))
                continue
            }
            do {
                try library.register(text, named: name)
            } catch {
                diagnostics.append(.error("the template cannot be read: \(error)", at: SourceLocation(file: path, line: 1, column: 1),
                                          fix: "check that every {{#section}} is closed by a matching {{/section}}"))
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
        if assets["runtime.js"] == nil {
            diagnostics.append(.error("the theme has no JavaScript runtime", at: SourceLocation(file: assetFolder + "/runtime.js", line: 1, column: 1),
                                      fix: "restore theme/assets/runtime.js"))
        }
        return diagnostics.isEmpty ? .success(Theme(templates: library, assets: assets)) : .failure(DiagnosticList(diagnostics))
    }
}

/// Diagnostics carried as an error.
public struct DiagnosticList: Error, Sendable {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}
