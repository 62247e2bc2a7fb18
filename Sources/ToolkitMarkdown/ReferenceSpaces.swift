/// The spaces `MarkdownHTML.reference` turns into no-break spaces ("Article 6", "section 35"), found byte by
/// byte. A match there is a word of `MarkdownHTML.referenceWords` at a word boundary, a space, and a digit.
/// Where deciding that takes Unicode's tables (a digit that is not ASCII, or a letter outside ASCII before
/// the word), `find` gives up and the regular expression decides, as it always did.
enum ReferenceSpaces {
    private static let words = MarkdownHTML.referenceWords.map { Array($0.utf8) }

    /// Punctuation and spaces outside ASCII, common before a reference, that are never word characters:
    /// no-break space, curly quotes, dashes and the ellipsis.
    private static let nonWordMarks = ["\u{00A0}", "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2013}", "\u{2014}", "\u{2026}"]
        .map { Array($0.utf8) }

    /// The byte offsets of the spaces to replace, first to last; nil when the regular expression must decide.
    static func find(in text: String) -> [Int]? {
        let bytes = Array(text.utf8)
        var spaces: [Int] = []
        for index in bytes.indices where bytes[index] == UInt8(ascii: " ") && index + 1 < bytes.count {
            let next = bytes[index + 1]
            let isDigit = isASCIIDigit(next)
            guard isDigit || next >= 0x80 else { continue }
            var matched = false
            for word in words where index >= word.count && bytes[index - word.count..<index].elementsEqual(word) {
                switch boundary(before: index - word.count, in: bytes) {
                case true?: matched = true
                case false?: continue
                case nil: return nil
                }
            }
            guard matched else { continue }
            // \d is any decimal digit in Unicode, not only 0 to 9.
            guard isDigit else { return nil }
            spaces.append(index)
        }
        return spaces
    }

    /// The text with a no-break space in place of each of those spaces.
    static func replacing(_ spaces: [Int], in text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + spaces.count)
        var copied = 0
        let bytes = Array(text.utf8)
        for space in spaces {
            out.append(contentsOf: bytes[copied..<space])
            out.append(contentsOf: [0xC2, 0xA0])
            copied = space + 1
        }
        out.append(contentsOf: bytes[copied...])
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether ICU's `\b` holds before a word's first letter: whether the character before is not a word
    /// character (a letter, mark, digit or connector such as `_`). nil when only Unicode's tables can say.
    private static func boundary(before start: Int, in bytes: [UInt8]) -> Bool? {
        guard start > 0 else { return true }
        let previous = bytes[start - 1]
        if previous < 0x80 {
            let isLetter = (previous | 0x20) >= UInt8(ascii: "a") && (previous | 0x20) <= UInt8(ascii: "z")
            return !(isLetter || isASCIIDigit(previous) || previous == UInt8(ascii: "_"))
        }
        let isNonWord = nonWordMarks.contains { mark in
            start >= mark.count && bytes[start - mark.count..<start].elementsEqual(mark)
        }
        return isNonWord ? true : nil
    }

    private static func isASCIIDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
