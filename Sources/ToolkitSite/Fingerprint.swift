import ToolkitModel

/// A short fingerprint of what an item of guidance says. A saved report keeps the fingerprints it showed, so
/// that after the content changes the report can mark advice that is new, changed or no longer shown.
public enum Fingerprint {
    public static func of(_ guidance: Guidance) -> String {
        // Everything a reader sees: priority, headline, text and links. Not the location, which moves with edits.
        // The fields apart by GS (0x1D), the links by RS (0x1E), a link's title and address by US (0x1F),
        // written straight into one buffer.
        let (unit, record, group): (UInt8, UInt8, UInt8) = (0x1F, 0x1E, 0x1D)
        var text: [UInt8] = []
        text.reserveCapacity(guidance.headline.utf8.count + guidance.body.utf8.count + 64
                             + guidance.links.reduce(0) { $0 + $1.title.utf8.count + $1.url.utf8.count + 2 })
        text.append(contentsOf: guidance.priority.rawValue.utf8)
        text.append(group)
        text.append(contentsOf: guidance.headline.utf8)
        text.append(group)
        text.append(contentsOf: guidance.body.utf8)
        text.append(group)
        for (index, link) in guidance.links.enumerated() {
            if index > 0 { text.append(record) }
            text.append(contentsOf: link.title.utf8)
            text.append(unit)
            text.append(contentsOf: link.url.utf8)
        }
        // Ten hex digits: the digest's first five bytes.
        return SHA256.hex(Array(SHA256.digest(text).prefix(5)))
    }
}
