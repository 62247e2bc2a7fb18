import Testing
import ToolkitTestSupport
@testable import ToolkitModel

/// 'Did you mean' skips comparisons that cannot be close, and gives the same answer as comparing all.
struct SuggestionTests {
    /// The plain search, comparing the word with every candidate.
    func everyCandidate(_ word: String, _ candidates: [String]) -> String? {
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(word, candidate)
            if distance <= max(2, word.count / 3), distance < (best?.1 ?? .max) { best = (candidate, distance) }
        }
        return best?.0
    }

    @Test func skippingFarCandidatesChangesNoSuggestion() {
        var random = SeededRandom(seed: 3)
        func word(_ length: Int) -> String {
            String((0..<length).map { _ in "abc-"[Int(random.next() % 4)] })
        }
        for _ in 0..<2_000 {
            let candidates = (0..<8).map { _ in word(Int(random.next() % 14)) }
            let target = word(Int(random.next() % 14))
            #expect(closestMatch(to: target, in: candidates) == everyCandidate(target, candidates), "\(target) in \(candidates)")
        }
    }

    @Test func aVeryLongWordGetsNoSuggestion() {
        let long = String(repeating: "x", count: longestSuggested + 1)
        #expect(closestMatch(to: long, in: [long, "x"]) == nil)
        #expect(closestMatch(to: String(long.dropLast()), in: [long]) == long)
    }
}

private extension String {
    subscript(offset: Int) -> Character { self[index(startIndex, offsetBy: offset)] }
}
