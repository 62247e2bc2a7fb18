import ToolkitModel

/// A short fingerprint of what an item of guidance says. A saved report keeps the fingerprints it showed, so
/// that after the content changes the report can mark advice that is new, changed or no longer shown.
public enum Fingerprint {
    public static func of(_ guidance: Guidance) -> String {
        // Everything a reader sees: priority, headline, text and links. Not the location, which moves with edits.
        let links = guidance.links.map { "\($0.title)\u{1F}\($0.url)" }.joined(separator: "\u{1E}")
        let text = [guidance.priority.rawValue, guidance.headline, guidance.body, links].joined(separator: "\u{1D}")
        return String(Checksums.hex(Checksums.sha256(Array(text.utf8))).prefix(10))
    }
}
