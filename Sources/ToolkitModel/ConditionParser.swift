/// Parses the condition language:
///
///     condition  := or
///     or         := and ("or" and)*
///     and        := unary ("and" unary)*
///     unary      := "not" unary | "(" condition ")" | comparison
///     comparison := id ("=" | "!=") id | id "in" "[" id ("," id)* "]" | id "includes" id
public struct ConditionParser {
    public struct Failure: Error, Equatable, Sendable {
        public var message: String
        public var location: SourceLocation
    }

    private struct Token: Equatable {
        enum Kind: Equatable { case word, symbol, end }
        var kind: Kind
        var text: String
        var column: Int
    }

    private var tokens: [Token] = []
    private var index = 0
    private let start: SourceLocation

    /// `start` is where the first character of `text` sits in its file.
    public static func parse(_ text: String, at start: SourceLocation = .unknown) -> Result<Condition, Failure> {
        var parser = ConditionParser(start: start)
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
            return .failure(Failure(message: "\(error)", location: start))
        }
    }

    private init(start: SourceLocation) { self.start = start }

    private var current: Token { tokens[index] }

    private func location(_ token: Token) -> SourceLocation { start.movedRight(by: token.column) }

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
                          location: start.movedRight(by: i))
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
