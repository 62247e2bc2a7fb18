import CSHA256
/// SHA-256 (FIPS 180-4), written here because Foundation on Linux has no hashing API. The model uses it for
/// translation fingerprints; the site for its checksums and the report's fingerprints of advice.
///
/// The site's checksums hash every file it writes, so this is written for speed: whole blocks are read
/// straight from the caller's bytes, the message schedule lives in a small buffer on the stack, and only
/// the last one or two blocks, which need padding, are copied.
public enum SHA256 {
    /// Whether this processor has the SHA instructions, which digests then use.
    static let hasInstructions = toolkit_sha256_has_instructions() != 0

    /// Lower-case hex, as `sha256sum` prints a digest.
    public static func hex(_ bytes: [UInt8]) -> String {
        String(unsafeUninitializedCapacity: bytes.count * 2) { out in
            for (index, byte) in bytes.enumerated() {
                out[index * 2] = hexDigit(byte >> 4)
                out[index * 2 + 1] = hexDigit(byte & 0x0f)
            }
            return bytes.count * 2
        }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }

    /// The 32-byte digest of the message.
    public static func digest(_ message: [UInt8]) -> [UInt8] {
        message.withUnsafeBytes { digest($0) }
    }

    /// The 32-byte digest of the bytes, read where they are (a string's UTF-8, say) without a copy.
    public static func digest(_ message: UnsafeRawBufferPointer) -> [UInt8] { digest(message, instructions: hasInstructions) }

    /// The digest with the processor's instructions or without: the tests hold the Swift rounds to them.
    static func digest(_ message: UnsafeRawBufferPointer, instructions: Bool) -> [UInt8] {
        var state = State(instructions: instructions)
        let wholeBlocks = message.count / 64
        if let start = message.baseAddress, wholeBlocks > 0 { state.compress(start, blocks: wholeBlocks) }
        // The bytes after the last whole block, then 0x80, zeros, and the message's length in bits as 8
        // big-endian bytes: one block, or two when fewer than 9 bytes of the first are left for the ending.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { tail in
            let last = tail.baseAddress!
            last.initialize(repeating: 0, count: 128)
            let rest = message.count - wholeBlocks * 64
            if rest > 0 { UnsafeMutableRawPointer(last).copyMemory(from: message.baseAddress! + wholeBlocks * 64, byteCount: rest) }
            last[rest] = 0x80
            let blocks = rest < 56 ? 1 : 2
            let bits = UInt64(message.count) &* 8
            for index in 0..<8 { last[blocks * 64 - 1 - index] = UInt8(truncatingIfNeeded: bits >> UInt64(index * 8)) }
            state.compress(UnsafeRawPointer(last), blocks: blocks)
        }
        return state.bytes
    }

    /// The eight working words between blocks (FIPS 180-4, 5.3.3 for their first values).
    private struct State {
        var h0: UInt32 = 0x6a09e667, h1: UInt32 = 0xbb67ae85, h2: UInt32 = 0x3c6ef372, h3: UInt32 = 0xa54ff53a
        var h4: UInt32 = 0x510e527f, h5: UInt32 = 0x9b05688c, h6: UInt32 = 0x1f83d9ab, h7: UInt32 = 0x5be0cd19
        let instructions: Bool

        /// The digest: the words, big-endian.
        var bytes: [UInt8] {
            [UInt8](unsafeUninitializedCapacity: 32) { out, count in
                for (index, word) in [h0, h1, h2, h3, h4, h5, h6, h7].enumerated() {
                    out[index * 4] = UInt8(truncatingIfNeeded: word >> 24)
                    out[index * 4 + 1] = UInt8(truncatingIfNeeded: word >> 16)
                    out[index * 4 + 2] = UInt8(truncatingIfNeeded: word >> 8)
                    out[index * 4 + 3] = UInt8(truncatingIfNeeded: word)
                }
                count = 32
            }
        }

        /// Runs the compression function over `blocks` blocks of 64 bytes from `data` (FIPS 180-4, 6.2.2):
        /// with the processor's SHA instructions where it has them (several times faster, and the site's
        /// checksums hash every byte it writes), else in Swift.
        mutating func compress(_ data: UnsafeRawPointer, blocks: Int) {
            if instructions {
                var words = (h0, h1, h2, h3, h4, h5, h6, h7)
                withUnsafeMutableBytes(of: &words) { state in
                    toolkit_sha256_compress(state.baseAddress!.assumingMemoryBound(to: UInt32.self),
                                            data.assumingMemoryBound(to: UInt8.self), blocks)
                }
                (h0, h1, h2, h3, h4, h5, h6, h7) = words
                return
            }
            // Read through pointers: an array's subscript checks its bounds on every round.
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 128) { schedule in
                compress(data, blocks: blocks, constants: SHA256.k, schedule: schedule.baseAddress!)
            }
        }

        private mutating func compress(_ data: UnsafeRawPointer, blocks: Int,
                                       constants k: UnsafePointer<UInt32>, schedule w: UnsafeMutablePointer<UInt32>) {
            var (h0, h1, h2, h3, h4, h5, h6, h7) = (self.h0, self.h1, self.h2, self.h3, self.h4, self.h5, self.h6, self.h7)
            for block in 0..<blocks {
                let words = data + block * 64
                // The schedule's words in w[0..<64]; each round adds its word and its constant, which are
                // added here, in w[64...], so that a round reads one value, not two.
                for i in 0..<16 {
                    w[i] = UInt32(bigEndian: words.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self))
                    w[64 + i] = w[i] &+ k[i]
                }
                for i in 16..<64 {
                    let s0 = rotate(w[i - 15], 7) ^ rotate(w[i - 15], 18) ^ (w[i - 15] &>> 3)
                    let s1 = rotate(w[i - 2], 17) ^ rotate(w[i - 2], 19) ^ (w[i - 2] &>> 10)
                    w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
                    w[64 + i] = w[i] &+ k[i]
                }
                var (a, b, c, d, e, f, g, h) = (h0, h1, h2, h3, h4, h5, h6, h7)
                // Eight rounds a turn, each naming the words where the last left them, so that no round
                // moves seven words along: after eight the names are back in place.
                for i in stride(from: 0, to: 64, by: 8) {
                    round(a, b, c, &d, e, f, g, &h, w[64 + i])
                    round(h, a, b, &c, d, e, f, &g, w[64 + i + 1])
                    round(g, h, a, &b, c, d, e, &f, w[64 + i + 2])
                    round(f, g, h, &a, b, c, d, &e, w[64 + i + 3])
                    round(e, f, g, &h, a, b, c, &d, w[64 + i + 4])
                    round(d, e, f, &g, h, a, b, &c, w[64 + i + 5])
                    round(c, d, e, &f, g, h, a, &b, w[64 + i + 6])
                    round(b, c, d, &e, f, g, h, &a, w[64 + i + 7])
                }
                h0 &+= a; h1 &+= b; h2 &+= c; h3 &+= d; h4 &+= e; h5 &+= f; h6 &+= g; h7 &+= h
            }
            (self.h0, self.h1, self.h2, self.h3, self.h4, self.h5, self.h6, self.h7) = (h0, h1, h2, h3, h4, h5, h6, h7)
        }
    }

    /// One round: `d` becomes the next round's `e`, and `h` its `a`.
    @inline(__always) private static func round(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
                                                _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ constantAndWord: UInt32) {
        let t1 = h &+ (rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)) &+ (g ^ (e & (f ^ g))) &+ constantAndWord
        let t2 = (rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)) &+ ((a & b) | (c & (a | b)))
        d &+= t1
        h = t1 &+ t2
    }

    @inline(__always) private static func rotate(_ x: UInt32, _ n: UInt32) -> UInt32 { x &>> n | x &<< (32 &- n) }

    /// The 64 round constants (FIPS 180-4, 4.2.2), from the C target's table, which its instructions use too.
    private static var k: UnsafePointer<UInt32> { toolkit_sha256_round_constants() }
}
