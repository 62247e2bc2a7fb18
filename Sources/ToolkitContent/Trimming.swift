/// Trimming without Foundation. `trimmingCharacters(in:)` goes through NSString and back through UTF-16,
/// which made it about a tenth of a big build; these give the same result on Swift's own string views.
extension Substring {
    /// Without leading and trailing white space and line breaks (Foundation's `.whitespacesAndNewlines`).
    var trimmed: String { trimming(\.isWhiteSpace) }

    /// Without leading and trailing spaces and tabs, line breaks kept (Foundation's `.whitespaces`).
    var trimmedOfSpaces: String { trimming { $0 == "\t" || $0.properties.generalCategory == .spaceSeparator } }

    private func trimming(_ isBlank: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isBlank($0) }),
              let last = scalars.lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(Substring(scalars[first...last]))
    }
}

extension Unicode.Scalar {
    /// Unicode's White_Space, looked up in its tables only beyond ASCII: the lookup was a twentieth of loading.
    var isWhiteSpace: Bool { isASCII ? self == " " || (0x09...0x0D).contains(value) : properties.isWhitespace }
}

extension String {
    var trimmed: String {
        // Most texts have nothing to take off: kept, not copied.
        guard let first = unicodeScalars.first, let last = unicodeScalars.last, first.isWhiteSpace || last.isWhiteSpace else {
            return isEmpty ? "" : self
        }
        return self[...].trimmed
    }
    var trimmedOfSpaces: String { self[...].trimmedOfSpaces }
}
