/// The forms a word takes with a number, as the Unicode CLDR names them. A language uses some of them:
/// English 'one' and 'other' ("1 question", "2 questions"); Welsh all six, since the noun after a number
/// mutates ("2 gwestiwn", "3 chwestiwn").
public enum PluralCategory: String, Sendable, Hashable, CaseIterable, Comparable {
    case zero, one, two, few, many, other

    public static func < (a: PluralCategory, b: PluralCategory) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// CLDR's plural rule for whole numbers in a language: which form a count takes. The browser runs the
/// same rule through `Intl.PluralRules`; a test holds the two to the same answers.
public struct PluralRule: Sendable, Equatable {
    public let language: String
    /// The forms the language needs, in CLDR's order.
    public let categories: [PluralCategory]
    private let choose: @Sendable (Int) -> PluralCategory

    /// The languages the toolkit knows the rules of, by their code (the locale file's name).
    public static let known: [String: PluralRule] = [
        "en": PluralRule(language: "en", categories: [.one, .other]) { $0 == 1 ? .one : .other },
        // CLDR 'cy': 0 zero, 1 one, 2 two, 3 few, 6 many, everything else other.
        "cy": PluralRule(language: "cy", categories: [.zero, .one, .two, .few, .many, .other]) { count in
            switch count {
            case 0: .zero
            case 1: .one
            case 2: .two
            case 3: .few
            case 6: .many
            default: .other
            }
        },
    ]

    /// The rule for a language code ("cy", "en-GB" takes "en"'s), or nil when the toolkit does not know it.
    public static func forLanguage(_ code: String) -> PluralRule? {
        known[code] ?? known[String(code.prefix { $0 != "-" && $0 != "_" }).lowercased()]
    }

    init(language: String, categories: [PluralCategory], choose: @escaping @Sendable (Int) -> PluralCategory) {
        self.language = language; self.categories = categories; self.choose = choose
    }

    public func category(for count: Int) -> PluralCategory { choose(count) }

    public static func == (a: PluralRule, b: PluralRule) -> Bool { a.language == b.language }
}
