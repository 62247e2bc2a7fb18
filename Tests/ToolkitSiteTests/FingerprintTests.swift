import Testing
import ToolkitModel
@testable import ToolkitSite

/// A saved report compares fingerprints to mark advice that changed, so a fingerprint must change with what a
/// reader sees and only with that.
struct FingerprintTests {
    let item = Guidance(id: "q#1", answers: [Located("yes")], priority: .plan, headline: "Write it down",
                        body: "Record the decision.", links: [Link(title: "Section 35", url: "https://example.org/35")])

    @Test func changesWithWhatAReaderSees() {
        let base = Fingerprint.of(item)
        #expect(base.count == 10 && base.allSatisfy(\.isHexDigit))
        var edited = [item, item, item, item, item]
        edited[0].headline = "Write it all down"
        edited[1].body = "Record the decision and why."
        edited[2].priority = .actNow
        edited[3].links[0].url = "https://example.org/36"
        edited[4].links[0].title = "Section 36"
        for changed in edited { #expect(Fingerprint.of(changed) != base) }
    }

    @Test func staysTheSameWhenOnlyThePlaceInTheFileMoves() {
        var moved = item
        moved.location = SourceLocation(file: "other.md", line: 40, column: 1)
        moved.bodyLocation = SourceLocation(file: "other.md", line: 48, column: 1)
        #expect(Fingerprint.of(moved) == Fingerprint.of(item))
    }
}
