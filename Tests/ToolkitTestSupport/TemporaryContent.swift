import Foundation

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
