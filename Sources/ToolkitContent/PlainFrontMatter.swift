import ToolkitModel

/// Reads front matter written in the plain YAML that nearly every content file uses, byte by byte, without
/// Yams: top-level `key: text`, `key: [a, b]`, and `key:` over a list of texts or of small sets of
/// `key: text` pairs. It gives exactly what Yams composes (the same texts, the same places) or nil, and
/// then Yams reads the text: for quotes, comments, tabs, wrapped values, tags, odd indentation, anything
/// else, and every mistake, so each error message is Yams's.
///
/// Why: Yams builds its nodes through libyaml and resolves each key's type with regular expressions;
/// reading the plain forms directly makes loading a large toolkit several times faster.
enum PlainFrontMatter {
    typealias Pairs = [(key: FrontMatterValue, value: FrontMatterValue)]

    /// The top level's pairs, or nil when the text is not in the plain forms.
    static func read(_ text: String, path: String, firstLine: Int) -> Pairs? {
        var text = text
        return text.withUTF8 { bytes in
            let reader = Reader(bytes: bytes, path: path, firstLine: firstLine)
            return reader.lines.isEmpty ? nil : reader.settings()
        }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        let path: String
        let firstLine: Int
        /// Where each line starts and ends (before its "\n"); empty when a byte rules the plain reading out.
        let lines: [(start: Int, end: Int)]

        init(bytes: UnsafeBufferPointer<UInt8>, path: String, firstLine: Int) {
            self.bytes = bytes
            self.path = path
            self.firstLine = firstLine
            lines = Self.plainLines(bytes) ?? []
        }

        /// The lines, or nil for a tab, a control character, a line break but "\n" (libyaml also breaks at
        /// "\r", U+0085, U+2028 and U+2029), a byte order mark, or what libyaml refuses (C1 controls, U+FFFE, U+FFFF).
        static func plainLines(_ bytes: UnsafeBufferPointer<UInt8>) -> [(start: Int, end: Int)]? {
            var lines: [(start: Int, end: Int)] = []
            lines.reserveCapacity(16)
            var start = 0, index = 0
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if byte >= 0x20 && byte < 0x7F { continue }
                if byte == 0x0A {
                    lines.append((start, index - 1))
                    start = index
                } else if byte < 0x80 {
                    return nil
                } else if byte == 0xC2 {
                    if bytes[index] < 0xA0 { return nil }
                } else if byte == 0xE2 {
                    if bytes[index] == 0x80 && (bytes[index + 1] == 0xA8 || bytes[index + 1] == 0xA9) { return nil }
                } else if byte == 0xEF {
                    if bytes[index] == 0xBB && bytes[index + 1] == 0xBF { return nil }
                    if bytes[index] == 0xBF && bytes[index + 1] >= 0xBE { return nil }
                }
            }
            lines.append((start, bytes.count))
            return lines
        }

        // MARK: The forms

        /// The top level: each setting at the start of its line.
        func settings() -> Pairs? {
            var pairs: Pairs = []
            var line = nextContent(from: 0)
            while let current = line {
                guard indent(current) == 0, let colon = key(at: lines[current].start, line: current) else { return nil }
                let key = text(lines[current].start, colon, line: current)
                let valueStart = skipSpaces(colon + 1, line: current)
                let value: FrontMatterValue
                if valueStart == lines[current].end {
                    // Nothing after the colon: a list on the lines below, or an empty value placed after the colon.
                    let next = nextContent(from: current + 1)
                    if let next, indent(next) > 0 {
                        guard let (list, after) = blockList(from: next) else { return nil }
                        pairs.append((key, list))
                        line = after
                        continue
                    }
                    value = text(colon + 1, colon + 1, line: current)
                } else if bytes[valueStart] == UInt8(ascii: "[") {
                    guard let list = flowList(at: valueStart, line: current) else { return nil }
                    value = list
                } else {
                    guard let plain = plainText(from: valueStart, line: current) else { return nil }
                    value = plain
                }
                pairs.append((key, value))
                // A line indented below a value would continue it: Yams reads that.
                line = nextContent(from: current + 1)
            }
            return pairs
        }

        /// `- item` lines at one indentation, from `first`; each item a text, or `key: text` pairs whose keys
        /// line up under the first. With the next line of content after the list (at the top level), if any.
        func blockList(from first: Int) -> (FrontMatterValue, Int?)? {
            let column = indent(first)
            var items: [FrontMatterValue] = []
            var line: Int? = first
            while let current = line, indent(current) == column {
                let dash = lines[current].start + column
                guard bytes[dash] == UInt8(ascii: "-"), dash + 1 < lines[current].end, bytes[dash + 1] == UInt8(ascii: " ") else { return nil }
                let itemStart = skipSpaces(dash + 1, line: current)
                guard itemStart < lines[current].end else { return nil }
                if key(at: itemStart, line: current) != nil {
                    guard let (pairs, next) = pairsItem(at: itemStart, line: current) else { return nil }
                    items.append(pairs)
                    line = next
                } else {
                    guard let plain = plainText(from: itemStart, line: current) else { return nil }
                    items.append(plain)
                    line = nextContent(from: current + 1)
                }
            }
            if let line, indent(line) != 0 { return nil }
            return (FrontMatterValue(form: .list(items), location: place(lines[first].start + column, line: first)), line)
        }

        /// `key: text` pairs, the first at `start` on `line`, the others on the lines below at its column.
        func pairsItem(at start: Int, line first: Int) -> (FrontMatterValue, Int?)? {
            let column = start - lines[first].start
            var pairs: Pairs = []
            var line: Int? = first
            var position = start
            while let current = line {
                guard let colon = key(at: position, line: current) else { return nil }
                let valueStart = skipSpaces(colon + 1, line: current)
                guard valueStart < lines[current].end, let value = plainText(from: valueStart, line: current) else { return nil }
                pairs.append((text(position, colon, line: current), value))
                line = nextContent(from: current + 1)
                guard let next = line, indent(next) == column else { break }
                position = lines[next].start + column
            }
            return (FrontMatterValue(form: .pairs(pairs), location: place(start, line: first)), line)
        }

        /// `[a, b]` on one line, each item a word; nothing but spaces after it.
        func flowList(at open: Int, line: Int) -> FrontMatterValue? {
            var items: [FrontMatterValue] = []
            var position = skipSpaces(open + 1, line: line)
            let end = lines[line].end
            if position < end, bytes[position] != UInt8(ascii: "]") {
                while true {
                    let wordEnd = word(at: position, line: line)
                    guard wordEnd > position else { return nil }
                    items.append(text(position, wordEnd, line: line))
                    position = skipSpaces(wordEnd, line: line)
                    guard position < end, bytes[position] == UInt8(ascii: ",") else { break }
                    position = skipSpaces(position + 1, line: line)
                }
            }
            guard position < end, bytes[position] == UInt8(ascii: "]"), skipSpaces(position + 1, line: line) == end else { return nil }
            return FrontMatterValue(form: .list(items), location: place(open, line: line))
        }

        /// A text to the end of the line: not starting with one of YAML's indicators, with no ': ' (a
        /// mapping) and no ' #' (a comment) in it; trailing spaces are not part of it.
        func plainText(from start: Int, line: Int) -> FrontMatterValue? {
            var end = lines[line].end
            guard start < end, !Self.isIndicator(bytes[start]) else { return nil }
            for index in start..<end {
                switch bytes[index] {
                case UInt8(ascii: ":") where index + 1 == end || bytes[index + 1] == UInt8(ascii: " "): return nil
                case UInt8(ascii: "#") where bytes[index - 1] == UInt8(ascii: " "): return nil
                default: continue
                }
            }
            while bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
            return text(start, end, line: line)
        }

        /// Characters that start something other than a plain text in YAML (or, for `-`, `?` and `:`, may),
        /// and a space.
        static func isIndicator(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"),
                 UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"),
                 UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"),
                 UInt8(ascii: "`"), UInt8(ascii: " "): return true
            default: return false
            }
        }

        // MARK: Pieces of a line

        /// A key at `start`: a word then a colon at the end of the line or before a space. Its colon.
        func key(at start: Int, line: Int) -> Int? {
            let colon = word(at: start, line: line)
            // libyaml looks no further than 1,024 characters for a key's colon; a setting's name is short.
            guard colon > start, colon - start <= 128, colon < lines[line].end, bytes[colon] == UInt8(ascii: ":") else { return nil }
            return colon + 1 == lines[line].end || bytes[colon + 1] == UInt8(ascii: " ") ? colon : nil
        }

        /// The end of the word at `start`: ASCII letters, digits, '-' and '_', first a letter or digit.
        func word(at start: Int, line: Int) -> Int {
            let end = lines[line].end
            guard start < end, Self.isAlphanumeric(bytes[start]) else { return start }
            var index = start + 1
            while index < end, Self.isAlphanumeric(bytes[index]) || bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "_") {
                index += 1
            }
            return index
        }

        static func isAlphanumeric(_ byte: UInt8) -> Bool {
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        }

        func skipSpaces(_ start: Int, line: Int) -> Int {
            var index = start
            while index < lines[line].end, bytes[index] == UInt8(ascii: " ") { index += 1 }
            return index
        }

        func indent(_ line: Int) -> Int { skipSpaces(lines[line].start, line: line) - lines[line].start }

        /// The first line from `line` on with something other than spaces.
        func nextContent(from line: Int) -> Int? {
            var line = line
            while line < lines.count {
                if skipSpaces(lines[line].start, line: line) < lines[line].end { return line }
                line += 1
            }
            return nil
        }

        /// The text of bytes `start..<end` of `line`, placed at its start.
        func text(_ start: Int, _ end: Int, line: Int) -> FrontMatterValue {
            let string = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            return FrontMatterValue(form: .text(string, quoted: false, tag: nil), location: place(start, line: line))
        }

        /// The file's line and column of byte `offset` of `line`: columns count Unicode scalars, as libyaml's do.
        func place(_ offset: Int, line: Int) -> SourceLocation {
            var column = 1
            for index in lines[line].start..<offset where bytes[index] & 0xC0 != 0x80 { column += 1 }
            return SourceLocation(file: path, line: firstLine + line, column: column)
        }
    }
}
