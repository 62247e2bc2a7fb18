import Testing
import ToolkitTestSupport
@testable import ToolkitSite

/// The emitter escapes texts into JavaScript string literals eight bytes at a time where it can; these hold
/// it to an escaper that looks at every character.
struct ScriptBufferTests {
    /// The rules, one character at a time: quote, backslash, \n \r \t by name, other control characters,
    /// '<' and the two line separators as \u escapes.
    static func reference(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar == "<" || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func literal(_ text: String) -> String {
        var buffer = ScriptBuffer()
        buffer.writeLiteral(text)
        return buffer.text
    }

    @Test func everyByteThatNeedsALookIsSeenWhereverItIsInAWord() {
        let special: [UInt8] = Array(0..<0x20) + [0x22, 0x5C, 0x3C, 0xE2]
        for byte in UInt8.min...UInt8.max {
            for position in 0..<8 {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 8)
                bytes[position] = byte
                let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                if special.contains(byte) {
                    #expect(ScriptBuffer.mayNeedEscape(word), "byte \(byte) at \(position)")
                }
            }
        }
        let plain = Array("Article 6(1)(e) of the UK GDPR, and 'Part 3'.".utf8)
        for start in 0...(plain.count - 8) {
            let word = plain[start..<(start + 8)].withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
            #expect(!ScriptBuffer.mayNeedEscape(word), "plain words go eight bytes at a time")
        }
    }

    @Test func literalsMatchTheCharacterByCharacterRules() {
        let pieces = ["a", "plain words ", "\"", "\\", "\n", "\r\n", "\t", "\u{1}", "\u{1F}", "<p>", "</script>", "\u{2028}", "\u{2029}",
                      "\u{2027}", "â", "Cymraeg ŵ ŷ", "😀", "\u{7F}", "0123456789", "ʼ"]
        var generator = SeededRandom(seed: 42)
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(Self.literal(text) == Self.reference(text), "\(text.debugDescription)")
        }
    }
}
