/// An XLIFF 2.0 document as this tool writes and reads it: one `<file>` per content file, one `<unit>`
/// per translatable text, each with the source text and, where there is one, its translation.
public struct XLIFFDocument: Sendable, Equatable {
    public var sourceLanguage: String
    public var targetLanguage: String?
    public var files: [File]

    public init(sourceLanguage: String, targetLanguage: String?, files: [File]) {
        self.sourceLanguage = sourceLanguage; self.targetLanguage = targetLanguage; self.files = files
    }

    public struct File: Sendable, Equatable {
        /// The content file's path within the content folder: `data-analytics/report.md`.
        public var original: String?
        /// The fingerprint of the source file's words when the document was written.
        public var fingerprint: String?
        public var units: [Unit]
        /// The line of the `<file>` element, for messages.
        public var line: Int

        public init(original: String?, fingerprint: String?, units: [Unit], line: Int = 0) {
            self.original = original; self.fingerprint = fingerprint; self.units = units; self.line = line
        }
    }

    public struct Unit: Sendable, Equatable {
        /// The text's key in its file (`option:yes`), as `TextKey` names it.
        public var key: String
        public var source: String
        public var target: String?
        /// The segment's state: initial, translated, reviewed or final (XLIFF's default is initial).
        public var state: String?
        /// A note for the translator.
        public var note: String?
        public var line: Int

        public init(key: String, source: String, target: String? = nil, state: String? = nil, note: String? = nil, line: Int = 0) {
            self.key = key; self.source = source; self.target = target; self.state = state; self.note = note; self.line = line
        }
    }

    public static let namespace = "urn:oasis:names:tc:xliff:document:2.0"
    /// This tool's extension namespace, for the source fingerprint on each `<file>`.
    public static let toolkitNamespace = "urn:x-toolkit:translation"
}

/// XLIFF ids are XML name tokens, which a path's `/` or an answer id's space would break. Letters, digits,
/// `.`, `-` and `:` stand for themselves; any other character is written `_HEX_` (`_` itself is `_5F_`).
enum XLIFFName {
    static func token(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(Character(scalar)) || ".-:".unicodeScalars.contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else {
                out += "_" + String(scalar.value, radix: 16, uppercase: true) + "_"
            }
        }
        return out
    }

    /// The text a token stands for, or nil when it is not a token this tool writes.
    static func text(_ token: String) -> String? {
        var out = String.UnicodeScalarView()
        var scalars = token.unicodeScalars[...]
        while let first = scalars.first {
            scalars = scalars.dropFirst()
            guard first == "_" else { out.append(first); continue }
            guard let end = scalars.firstIndex(of: "_"), let value = UInt32(String(scalars[..<end]), radix: 16),
                  let scalar = Unicode.Scalar(value) else { return nil }
            out.append(scalar)
            scalars = scalars[scalars.index(after: end)...]
        }
        return String(out)
    }
}
