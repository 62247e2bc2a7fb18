/// Parses the condition language:
///
///     condition  := or
///     or         := and ("or" and)*
///     and        := unary ("and" unary)*
///     unary      := "not" unary | "(" condition ")" | comparison
///     comparison := id ("=" | "!=") id | id "in" "[" id ("," id)* "]" | id "includes" id
///
/// A condition is bounded in depth and size. The parser, the checks and the emitter walk the tree by
/// recursion, and the browser's JavaScript parser recurses on brackets too: an unbounded condition
/// crashes the tool or ships a model.js that throws "Maximum call stack size exceeded".
public struct ConditionParser {
    /// How deeply `not` and brackets may nest. Real conditions nest two or three deep.
    public static let maximumDepth = 32
    /// How many comparisons (`q = a`, `q in [...]`, `q includes a`) one condition may hold.
    public static let maximumComparisons = 256

    public struct Failure: Error, Equatable, Sendable {
        public var message: String
        public var location: SourceLocation
        /// How to fix it, when there is more to say than the condition language's forms.
        public var fix: String? = nil
    }

    private struct Token: Equatable {
        enum Kind: Equatable { case word, symbol, end }
        var kind: Kind
        var text: String
        var column: Int
    }

    private var tokens: [Token] = []
    private var index = 0
    /// Where the character at an offset of the text sits in its file.
    private let locate: (Int) -> SourceLocation
    private var depth = 0
    private var comparisonCount = 0

    /// `start` is where the first character of `text` sits in its file.
    public static func parse(_ text: String, at start: SourceLocation = .unknown) -> Result<Condition, Failure> {
        parse(text) { start.movedRight(by: $0) }
    }

    /// `locate` gives where the character at each offset (in Characters) of `text` sits in its file:
    /// for text that a YAML value folded from several lines, that is not one line from its start.
    public static func parse(_ text: String, locate: @escaping (Int) -> SourceLocation) -> Result<Condition, Failure> {
        var parser = ConditionParser(locate: locate)
        do {
            parser.tokens = try parser.tokenize(text)
            let condition = try parser.parseOr()
            if parser.current.kind != .end {
                throw parser.failure("expected 'and', 'or' or the end of the condition, found '\(parser.current.text)'")
            }
            return .success(condition)
        } catch let failure as Failure {
            return .failure(failure)
        } catch {
            return .failure(Failure(message: "\(error)", location: locate(0)))
        }
    }

    private init(locate: @escaping (Int) -> SourceLocation) { self.locate = locate }

    private var current: Token { tokens[index] }

    private func location(_ token: Token) -> SourceLocation { locate(token.column) }

    private func failure(_ message: String) -> Failure { Failure(message: message, location: location(current)) }

    private func tokenize(_ text: String) throws -> [Token] {
        var result: [Token] = []
        let chars = Array(text)
        var i = 0
        func isWord(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "-" || c == "_" }
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace { i += 1; continue }
            if c == "!" && i + 1 < chars.count && chars[i + 1] == "=" {
                result.append(Token(kind: .symbol, text: "!=", column: i)); i += 2; continue
            }
            if "=()[],".contains(c) {
                result.append(Token(kind: .symbol, text: String(c), column: i)); i += 1; continue
            }
            if isWord(c) {
                let begin = i
                while i < chars.count && isWord(chars[i]) { i += 1 }
                result.append(Token(kind: .word, text: String(chars[begin..<i]), column: begin)); continue
            }
            throw Failure(message: "unexpected character '\(c)'; a condition uses ids, =, !=, in [...], includes, and, or, not and brackets",
                          location: locate(i))
        }
        result.append(Token(kind: .end, text: "the end of the condition", column: chars.count))
        return result
    }

    private mutating func advance() -> Token { defer { index += 1 }; return current }

    private func isKeyword(_ word: String) -> Bool { current.kind == .word && current.text == word }

    private mutating func parseOr() throws -> Condition {
        var left = try parseAnd()
        while isKeyword("or") { _ = advance(); left = .or(left, try parseAnd()) }
        return left
    }

    private mutating func parseAnd() throws -> Condition {
        var left = try parseUnary()
        while isKeyword("and") { _ = advance(); left = .and(left, try parseUnary()) }
        return left
    }

    private mutating func parseUnary() throws -> Condition {
        let opensLevel = isKeyword("not") || (current.kind == .symbol && current.text == "(")
        if opensLevel {
            depth += 1
            if depth > Self.maximumDepth {
                var failure = failure("the condition nests more than \(Self.maximumDepth) levels of 'not' and brackets")
                failure.fix = "simplify it: 'not (a = x or b = y)' is 'a != x and b != y', and brackets around a single comparison can go"
                throw failure
            }
        }
        defer { if opensLevel { depth -= 1 } }
        if isKeyword("not") { _ = advance(); return .not(try parseUnary()) }
        if current == Token(kind: .symbol, text: "(", column: current.column) {
            _ = advance()
            let inner = try parseOr()
            try expect(")", "close the bracket with ')'")
            return inner
        }
        return try parseComparison()
    }

    private mutating func expect(_ symbol: String, _ advice: String) throws {
        guard current.kind == .symbol && current.text == symbol else {
            throw failure("expected '\(symbol)' but found '\(current.text)': \(advice)")
        }
        _ = advance()
    }

    private mutating func id(_ what: String) throws -> Located<String> {
        guard current.kind == .word, !["and", "or", "not", "in", "includes"].contains(current.text) else {
            throw failure("expected \(what) but found '\(current.text)'")
        }
        let token = advance()
        return Located(token.text, at: location(token))
    }

    private mutating func parseComparison() throws -> Condition {
        comparisonCount += 1
        if comparisonCount > Self.maximumComparisons {
            var failure = failure("the condition has more than \(Self.maximumComparisons) comparisons")
            failure.fix = "join answers to one question into a list, as in 'q in [a, b, c]', or split the guidance into items with shorter conditions"
            throw failure
        }
        let question = try id("a question id")
        if current.kind == .symbol && current.text == "=" { _ = advance(); return .equals(question, try id("an answer id after '='")) }
        if current.kind == .symbol && current.text == "!=" { _ = advance(); return .not(.equals(question, try id("an answer id after '!='"))) }
        if isKeyword("includes") { _ = advance(); return .includes(question, try id("an answer id after 'includes'")) }
        if isKeyword("in") {
            _ = advance()
            try expect("[", "write the answers as a list, like 'in [yes, not-sure]'")
            var options = [try id("an answer id in the list")]
            while current.kind == .symbol && current.text == "," {
                _ = advance()
                options.append(try id("an answer id after ','"))
            }
            try expect("]", "close the list of answers with ']'")
            return .oneOf(question, options)
        }
        throw failure("expected '=', '!=', 'in' or 'includes' after '\(question.value)' but found '\(current.text)'")
    }
}
