import Testing
@testable import ToolkitModel

/// The site's SHA256SUMS must agree with `sha256sum`. Every digest below was printed by `sha256sum` (GNU
/// coreutils) for the same bytes; the first five are also FIPS 180-4's examples.
struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        // 448 bits: the padding needs a second block.
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        // 896 bits: a whole block, then the rest and its padding.
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ])
    func matchesTheStandardsExamples(_ message: String, _ expected: String) {
        #expect(SHA256.hex(SHA256.digest(Array(message.utf8))) == expected)
    }

    @Test func matchesTheStandardsMillionAs() {
        let message = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(SHA256.hex(SHA256.digest(message)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Around the edges of a block: 55 bytes leave just room for the 0x80 and the length, 56 do not; 64 fill
    /// a block, so all the padding is in a block of its own. The bytes are the alphabet, over and over:
    /// `yes abcdefghijklmnopqrstuvwxyz | tr -d '\n' | head -c N | sha256sum`.
    @Test(arguments: [
        (55, "595615dbe4f0f407ae397d08b4c2cb870cb9b0e11937416f950c5160acf9c005"),
        (56, "784f623b787495078e93ff28a25b581df0584055a7e71d8cd90c454716b92f51"),
        (57, "808f0738aa4401bdee842e5a15a7baad5809f976d8eb6f9bd2683cebd2e8d671"),
        (63, "5ca3e1ef5207490eac01a795e5cc94d59582a5118bf9534665c8668d87aa647c"),
        (64, "2fcd5a0d60e4c941381fcc4e00a4bf8be422c3ddfafb93c809e8d1e2bfffae8e"),
        (65, "1b3cd1877ab2f2f19f7be001722554f336cb799df0329de0bb4c118dc6abc06d"),
        (119, "faef67da856d6fd9c8d12f9ed0a4fefd3cf0ce085ab43e2907418d457e3c354b"),
        (120, "c9512b08619c19fbb503c7da6b46ef20301e5f7a7a5f43989182398536f5c5c8"),
        (127, "1b9907986f18ddc2b37e18be502d82d69d6e18bb9dff9e16f2aceea7d88cb933"),
        (128, "6c05be2c4268843ae47e68e611277ce62c02153f2f4d2e1e2a1a4b44f766cf74"),
    ])
    func matchesSha256sumAroundTheBlockEdges(_ length: Int, _ expected: String) {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz".utf8)
        let message = (0..<length).map { alphabet[$0 % alphabet.count] }
        #expect(SHA256.hex(SHA256.digest(message)) == expected)
    }

    /// Every byte value, high bits too, over whole blocks and a tail of 40:
    /// `python3 -c "import sys; sys.stdout.buffer.write(bytes(i % 256 for i in range(1000)))" | sha256sum`.
    @Test func matchesSha256sumOnEveryByteValue() {
        let message = (0..<1000).map { UInt8($0 % 256) }
        #expect(SHA256.hex(SHA256.digest(message)) == "a8af099bf2e878609558dbf69d8f88f4a31040a8cf84b549a0cfa912f12ffc3f")
    }

    @Test func readsAStringsBytesWhereTheyAre() {
        var text = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
        let digest = text.withUTF8 { SHA256.digest(UnsafeRawBufferPointer($0)) }
        #expect(SHA256.hex(digest) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func writesHexAsSha256sumDoes() {
        #expect(SHA256.hex([0x00, 0x09, 0x0a, 0x7f, 0x80, 0xf0, 0xff]) == "00090a7f80f0ff")
        #expect(SHA256.hex([]) == "")
    }
}

/// Where the processor has SHA instructions, digests use them; the Swift rounds are the fallback elsewhere.
/// Both must give the same digest for every length, across block edges and many blocks.
struct SHA256InstructionTests {
    @Test func theSwiftRoundsAndTheProcessorsInstructionsAgree() throws {
        try #require(SHA256.hasInstructions, "this processor has no SHA instructions: only the Swift rounds run here")
        var generator = SystemRandomNumberGenerator()
        for length in Array(0...300) + [1_000, 4_095, 4_096, 65_537, 1_000_003] {
            let message = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let (swift, instructions) = message.withUnsafeBytes {
                (SHA256.digest($0, instructions: false), SHA256.digest($0, instructions: true))
            }
            #expect(swift == instructions, "length \(length)")
        }
    }

    @Test func theSwiftRoundsMatchTheStandardsExamplesToo() {
        let digest = { (text: String) in Array(text.utf8).withUnsafeBytes { SHA256.hex(SHA256.digest($0, instructions: false)) } }
        #expect(digest("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }
}
