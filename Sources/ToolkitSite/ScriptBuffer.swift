/// A script being written, as UTF-8 in one growing buffer. The emitter writes model.js and the text files
/// through it piece by piece: no piece becomes a String of its own, and a string literal is escaped
/// straight into the buffer.
struct ScriptBuffer {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// A copy of the script so far in a buffer of its size: the buffer itself, with its room for the
    /// biggest file, is kept for the next.
    var exactBytes: [UInt8] { Array(bytes[...]) }

    /// The script so far, as text.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Empties the buffer, keeping its room for the next script.
    mutating func clear() { bytes.removeAll(keepingCapacity: true) }

    /// Writes the text as it is.
    mutating func write(_ text: String) { bytes.append(contentsOf: text.utf8) }

    mutating func write(_ number: Int) { write(String(number)) }

    /// Writes the text as a JavaScript string literal. `<` is escaped so that no text can close a script
    /// element; so are U+2028 and U+2029, which end a line in older JavaScript.
    mutating func writeLiteral(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ writeLiteral(utf8: $0) }) == nil {
            Array(text.utf8).withUnsafeBufferPointer { writeLiteral(utf8: $0) }
        }
    }

    /// Every byte escaped is ASCII, or starts U+2028/U+2029 (E2 80 A8/A9), so the runs of bytes between
    /// them are copied whole.
    private mutating func writeLiteral(utf8 text: UnsafeBufferPointer<UInt8>) {
        let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
        bytes.reserveCapacity(bytes.count + text.count + 2)
        bytes.append(quote)
        var run = 0, index = 0
        while index < text.count {
            // Eight bytes at a time while none of them needs a look: most of a text is plain words.
            if index + 8 <= text.count, !Self.mayNeedEscape(UnsafeRawPointer(text.baseAddress! + index).loadUnaligned(as: UInt64.self)) {
                index += 8
                continue
            }
            let byte = text[index]
            let separator = byte == 0xE2 && index + 2 < text.count && text[index + 1] == 0x80 && (text[index + 2] == 0xA8 || text[index + 2] == 0xA9)
            guard separator || byte < 0x20 || byte == quote || byte == backslash || byte == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[run..<index]))
            switch byte {
            case _ where separator:
                writeUnicodeEscape(text[index + 2] == 0xA8 ? 0x2028 : 0x2029)
                index += 2
            case quote, backslash: bytes.append(backslash); bytes.append(byte)
            case UInt8(ascii: "\n"): bytes.append(backslash); bytes.append(UInt8(ascii: "n"))
            case UInt8(ascii: "\r"): bytes.append(backslash); bytes.append(UInt8(ascii: "r"))
            case UInt8(ascii: "\t"): bytes.append(backslash); bytes.append(UInt8(ascii: "t"))
            default: writeUnicodeEscape(UInt32(byte))
            }
            index += 1
            run = index
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[run..<text.count]))
        bytes.append(quote)
    }

    /// Whether any of the eight bytes is below 0x20, a quote, a backslash, `<` or 0xE2 (which starts U+2028
    /// and U+2029), by the word-at-a-time tests for a zero byte: `(x - 0x01..) & ~x & 0x80..` has a high bit
    /// set where a byte of x is zero (or, past one that is, may show a false one: a false alarm only means a
    /// closer look). A byte equal to v is a zero byte of x ^ (v in every byte); one below 0x20 is found the same
    /// way with 0x20 in place of 0x01.
    @inline(__always) static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
        let control = (word &- ones &* 0x20) & ~word & highs
        return (control | hasZero(word ^ (ones &* 0x22)) | hasZero(word ^ (ones &* 0x5C)) | hasZero(word ^ (ones &* 0x3C))
                | hasZero(word ^ (ones &* 0xE2))) != 0
    }

    /// `\uXXXX`, in lower-case hex.
    private mutating func writeUnicodeEscape(_ code: UInt32) {
        bytes.append(UInt8(ascii: "\\"))
        bytes.append(UInt8(ascii: "u"))
        for shift in stride(from: 12, through: 0, by: -4) {
            let digit = UInt8(truncatingIfNeeded: code >> UInt32(shift)) & 0x0f
            bytes.append(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10)
        }
    }
}
