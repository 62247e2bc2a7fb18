import Foundation
import ToolkitModel

/// A content folder written to a fresh temporary directory, for tests that read files.
public struct TemporaryContent {
    public let root: String

    /// `files` maps a path inside the folder to its text.
    public init(_ files: [String: String]) throws {
        root = NSTemporaryDirectory() + "toolkit-test-" + UUID().uuidString
        for (path, text) in files {
            let url = URL(fileURLWithPath: root + "/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
    }

    /// A small valid toolkit, `t`, with one part; entries in `replacing` change or add files.
    public static func valid(replacing overrides: [String: String] = [:]) throws -> TemporaryContent {
        try TemporaryContent(Fixtures.validToolkit.merging(overrides) { $1 })
    }
}

public enum Fixtures {
    public static let validToolkit: [String: String] = [
        "t/toolkit.md": """
            ---
            title: Test toolkit
            version: "1.0"
            law-as-at: 2026-11-01
            review-by: 2027-05-01
            ---
            Start here.
            """,
        "t/report.md": """
            ---
            title: Your report
            ---
            Not legal advice.
            """,
        "t/1-basics/part.md": """
            ---
            title: Basics
            ---
            """,
        "t/1-basics/01-first.md": question(id: "first", extra: ""),
        "t/1-basics/02-second.md": question(id: "second", extra: "show-if: first = yes\n"),
    ]

    /// A question file with yes/no answers and guidance for each.
    public static func question(id: String, extra: String) -> String {
        """
        ---
        question: Is this \(id)?
        options: [yes, no]
        \(extra)law-checked: 2026-11-01
        review-by: 2027-05-01
        ---
        More about \(id).

        ---
        for: yes
        priority: keep-doing
        headline: Keep it up
        links:
          - title: Example
            url: https://www.legislation.gov.uk/ukpga/2018/12/section/35
        ---
        Good.

        ---
        for: no
        priority: act-now
        headline: Fix it
        links:
          - title: Example
            url: https://www.legislation.gov.uk/ukpga/2018/12/section/35
        ---
        Do something.
        """
    }
}

/// The small valid toolkit with a Welsh translation of every file, each recording the fingerprint of the
/// source it matches, so that it loads and checks with no diagnostic.
extension Fixtures {
    public static var translatedToolkit: [String: String] {
        var files = validToolkit
        files["t/toolkit.md"] = files["t/toolkit.md"]!.replacingOccurrences(of: "title: Test toolkit\n", with: "title: Test toolkit\nlanguages: [en, cy]\n")
        files["t/toolkit.cy.md"] = """
            ---
            translated-from: \(TextFingerprint.of(["Test toolkit", "Start here."]))
            title: Pecyn prawf
            ---
            Dechreuwch yma.

            """
        files["t/report.cy.md"] = """
            ---
            translated-from: \(TextFingerprint.of(["Your report", "Not legal advice."]))
            title: Eich adroddiad
            ---
            Nid cyngor cyfreithiol.

            """
        files["t/1-basics/part.cy.md"] = "---\ntranslated-from: \(TextFingerprint.of(["Basics"]))\ntitle: Hanfodion\n---\n"
        files["t/1-basics/01-first.cy.md"] = welshQuestion(id: "first")
        files["t/1-basics/02-second.cy.md"] = welshQuestion(id: "second")
        return files
    }

    /// The Welsh of `question(id:extra:)`, in the form `toolkit translate import` writes.
    public static func welshQuestion(id: String) -> String {
        let source = ["Is this \(id)?", "Yes", "No", "More about \(id).", "Keep it up", "Example", "Good.", "Fix it", "Example", "Do something."]
        return """
            ---
            translated-from: \(TextFingerprint.of(source))
            question: Ai hwn yw \(id)?
            options:
              - yes: Ie
              - no: Na
            ---
            Mwy am \(id).

            ---
            headline: Daliwch ati
            links:
              - title: Enghraifft
            ---
            Da.

            ---
            headline: Trwsiwch ef
            links:
              - title: Enghraifft
            ---
            Gwnewch rywbeth.

            """
    }
}

extension TemporaryContent {
    /// The small toolkit translated into Welsh; entries in `replacing` change or add files.
    public static func translated(replacing overrides: [String: String] = [:]) throws -> TemporaryContent {
        try TemporaryContent(Fixtures.translatedToolkit.merging(overrides) { $1 })
    }

    /// A copy of `Tests/Fixtures/welsh/content` (a toolkit translated in full into Welsh), less the files
    /// named in `leavingOut` (paths within the content folder, such as
    /// `analytics-check/2-general/2-accountability/02-gp-suppliers.cy.md`), to test falling back to English.
    public static func welsh(leavingOut: [String] = []) throws -> TemporaryContent {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/welsh/content").path
        let copy = try TemporaryContent([:])
        try FileManager.default.createDirectory(atPath: (copy.root as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: source, toPath: copy.root)
        for path in leavingOut { try FileManager.default.removeItem(atPath: copy.root + "/" + path) }
        return copy
    }
}
