import Foundation
import ToolkitModel

public func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Diagnostics as editors and their tools read them.
public enum DiagnosticPrinter {
    public static func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { printError(diagnostic.description) }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        if !diagnostics.isEmpty {
            printError("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        }
    }

    /// "cy: 71 of 84 files translated, 3 out of date": a line for each language a toolkit is translated
    /// into, named by toolkit when the content holds more than one.
    public static func coverage(_ toolkits: [Toolkit]) -> [String] {
        toolkits.flatMap { toolkit in
            toolkit.translationCoverage.map { toolkits.count > 1 ? "\(toolkit.id): \($0)" : "\($0)" }
        }
    }

    public static func json(_ diagnostics: [Diagnostic]) throws -> String {
        let items: [[String: Any]] = diagnostics.map {
            ["file": $0.location.file, "line": $0.location.line, "column": $0.location.column,
             "severity": $0.severity.rawValue, "message": $0.message, "fix": $0.fix ?? ""]
        }
        let data = try JSONSerialization.data(withJSONObject: items, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}

/// A line on the standard output, written at once (print is buffered when the output is a pipe).
public func say(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}
