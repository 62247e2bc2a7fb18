import Ccmark

/// Where links start in the text: at their `[`, or at the `<` of an address in angle brackets.
///
/// cmark 0.30 (Debian's) places blocks exactly but not always links. On a line after a paragraph's first it
/// counts columns from where the paragraph's text starts, so an indented line, a line without its quote
/// marker, or a tab puts a link a few columns out; and a line break inside a link's text, address or title,
/// or reference definitions at the top of the paragraph, put every later link on the wrong line. So the
/// places are found again from the text, with cmark as the judge: the text is parsed again with a mark of
/// its own just before each `[` and `<` of the links' paragraphs. A link whose text comes straight after a
/// mark starts where that mark was put, as long as every link is as it was without the marks.
///
/// That costs a parse, so only the links a diagnostic names are placed. A mark can change what cmark
/// reads (one before `[` can end a reference definition), so marks go first where they cannot; the links
/// left are tried at cmark's own places, then one place at a time, up to a number of parses.
extension MarkdownDocument {
    public func position(of link: MarkdownLink) -> MarkdownPosition {
        positions(of: [link])[0]
    }

    /// The places of `wanted`, links of this document, in the same order.
    public func positions(of wanted: [MarkdownLink]) -> [MarkdownPosition] {
        guard !wanted.isEmpty else { return [] }
        let lines = SourceLines(text)
        let search = LinkSearch(lines: lines, destinations: links.map(\.destination), marks: MarkAlphabet(avoiding: text))
        let found = search.starts(of: wanted)
        return lines.positions(ofOffsets: wanted.map { link in
            if let offset = found[link.index] { return offset }
            // Past the budget of parses: cmark's place when a link can start there, or else the paragraph's.
            let reported = search.reportedOffset(link)
            return search.opensLink(reported) ? reported : search.range(of: link).lowerBound
        })
    }
}

struct LinkSearch {
    let lines: SourceLines
    let destinations: [String]
    let marks: MarkAlphabet
    /// Parses allowed for links tried one place at a time, for a text.
    static let budget = 64

    /// The byte offset of each wanted link's start that a parse confirmed, by link index.
    func starts(of wanted: [MarkdownLink]) -> [Int: Int] {
        var found: [Int: Int] = [:]
        func record(_ result: [Int: Int]?) {
            for link in wanted where found[link.index] == nil { found[link.index] = result?[link.index] }
        }
        // Every place where a mark cannot change what cmark reads, in one parse.
        let ranges = Set(wanted.map { range(of: $0) })
        record(probe(ranges.sorted { $0.lowerBound < $1.lowerBound }.flatMap { places(in: $0).filter(isSafe) }))
        // cmark's own places for the links left, in one parse.
        var left = wanted.filter { found[$0.index] == nil }
        if !left.isEmpty { record(probe(Array(Set(left.map(reportedOffset).filter(opensLink))).sorted())) }
        // Then one place at a time.
        left = left.filter { found[$0.index] == nil }
        var parses = 0
        for link in left {
            let reported = reportedOffset(link)
            for offset in [reported] + places(in: range(of: link)).filter({ $0 != reported }) where opensLink(offset) {
                guard parses < Self.budget else { return found }
                parses += 1
                if probe([offset])?[link.index] == offset { found[link.index] = offset; break }
            }
        }
        return found
    }

    /// The bytes of the paragraph or heading that holds the link.
    func range(of link: MarkdownLink) -> Range<Int> {
        let start = lines.offset(cmarkLine: link.block.line, column: link.block.column)
        return start..<max(start, lines.end(ofCmarkLine: link.block.endLine))
    }

    func reportedOffset(_ link: MarkdownLink) -> Int {
        lines.offset(cmarkLine: link.reported.line, column: link.reported.column)
    }

    func opensLink(_ offset: Int) -> Bool {
        offset < lines.bytes.count && (lines.bytes[offset] == UInt8(ascii: "[") || lines.bytes[offset] == UInt8(ascii: "<"))
    }

    private func places(in range: Range<Int>) -> [Int] { range.filter(opensLink) }

    /// Not after `\` (escaped), `!` (an image) or `]` (a reference's label), and no `<` that may start an
    /// address after `(` or a definition's `:`: a mark there would change what cmark reads.
    private func isSafe(_ offset: Int) -> Bool {
        let bytes = lines.bytes
        guard offset > 0 else { return true }
        let before = bytes[offset - 1]
        if before == UInt8(ascii: "\\") { return false }
        if bytes[offset] == UInt8(ascii: "[") { return before != UInt8(ascii: "!") && before != UInt8(ascii: "]") }
        let blank: Set<UInt8> = [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r")]
        let previous = bytes[..<offset].last { !blank.contains($0) }
        return previous != UInt8(ascii: "(") && previous != UInt8(ascii: ":")
    }

    /// Parses the text with mark number i put just before `offsets[i]` (in increasing order). The link
    /// that comes straight after a mark, by link index, with that mark's offset; nil when the marks changed
    /// the links.
    func probe(_ offsets: [Int]) -> [Int: Int]? {
        guard !offsets.isEmpty, offsets.count <= marks.capacity else { return offsets.isEmpty ? [:] : nil }
        var marked: [UInt8] = []
        marked.reserveCapacity(lines.bytes.count + offsets.count * 8)
        var from = 0
        for (number, offset) in offsets.enumerated() {
            marked += lines.bytes[from..<offset]
            marked += marks.mark(number)
            from = offset
        }
        marked += lines.bytes[from...]
        let text = String(decoding: marked, as: UTF8.self)
        guard let document = cmark_parse_document(text, text.utf8.count, 0) else { return nil }
        defer { cmark_node_free(document) }
        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        var found: [Int: Int] = [:]
        var count = 0, markBefore: Int?
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let entering = cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER
            let type = cmark_node_get_type(node)
            if entering, type == CMARK_NODE_LINK {
                let destination = marks.removing(from: cmark_node_get_url(node).map { String(cString: $0) } ?? "")
                guard count < destinations.count, destination == destinations[count] else { return nil }
                if let markBefore { found[count] = offsets[markBefore] }
                count += 1
            }
            // Only a text just before the link counts, and only if it ends with a mark.
            markBefore = entering && type == CMARK_NODE_TEXT ? cmark_node_get_literal(node).flatMap { marks.number(endingTheText: $0) } : nil
        }
        return count == destinations.count ? found : nil
    }
}

/// Marks the text does not hold: pairs of private-use characters, which cmark reads like letters. 6,400
/// of them make 40 million pairs.
struct MarkAlphabet {
    private let letters: [Unicode.Scalar]
    private let numbers: [Unicode.Scalar: Int]

    init(avoiding text: String) {
        let used = Set(text.unicodeScalars.filter { $0.properties.generalCategory == .privateUse })
        letters = (0xE000...0xF8FF).compactMap(Unicode.Scalar.init).filter { !used.contains($0) }
        numbers = Dictionary(uniqueKeysWithValues: letters.enumerated().map { ($1, $0) })
    }

    var capacity: Int { letters.count * letters.count }

    func mark(_ number: Int) -> [UInt8] {
        Array(String(String.UnicodeScalarView([letters[number / letters.count], letters[number % letters.count]])).utf8)
    }

    /// The number of the mark a text ends with, if it ends with one.
    func number(endingTheText literal: UnsafePointer<CChar>) -> Int? {
        let scalars = String(cString: literal).unicodeScalars.suffix(2)
        guard scalars.count == 2, let high = numbers[scalars.first!], let low = numbers[scalars.last!] else { return nil }
        return high * letters.count + low
    }

    func removing(from text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { numbers[$0] == nil }))
    }
}
