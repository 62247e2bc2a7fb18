/// Every word of the interface in one language: buttons, captions, errors, the report's and the Word
/// document's fixed words, dates. Read from the theme's locale file (theme/locales/LANGUAGE.yml), whose
/// nested groups become dotted keys: `question: { progress: ... }` is `question.progress`.
///
/// Everything that writes interface words takes one of these, so the same call with the Welsh text writes
/// Welsh. Look-ups of a key the file lacks give the key itself: the theme's checks make sure that every
/// key the site uses is defined, so a key on a page is a bug to see, not a blank to miss.
public struct InterfaceText: Sendable, Equatable {
    /// The language's code, from the file's name: "en", "cy".
    public var language: String
    /// Where it was read from.
    public var file: String
    public var entries: [String: Entry]

    public struct Entry: Sendable, Equatable {
        public var value: Value {
            didSet { pieces = Self.pieces(of: value) }
        }
        /// Where the key is written.
        public var location: SourceLocation
        /// A text's pieces, read once: a big toolkit's page of all guidance uses some strings thousands of times.
        private(set) var pieces: [MessagePiece]

        public init(_ value: Value, at location: SourceLocation = .unknown) {
            self.value = value; self.location = location; pieces = Self.pieces(of: value)
        }

        /// Whether the text has a link, so that it is HTML wherever it goes.
        public var hasLink: Bool { pieces.contains { if case .link = $0 { true } else { false } } }

        private static func pieces(of value: Value) -> [MessagePiece] {
            guard case let .text(text) = value else { return [] }
            return InterfaceMessage.pieces(text.value)
        }
    }

    public enum Value: Sendable, Equatable {
        case text(Located<String>)
        /// A string for each plural form the translator wrote (`one: ...`, `other: ...`).
        case plural([PluralCategory: Located<String>])
        /// A list of strings: the names of the months.
        case list([Located<String>])

        /// Every string in the value, with where it is written.
        public var strings: [Located<String>] {
            switch self {
            case let .text(text): [text]
            case let .plural(forms): forms.keys.sorted().map { forms[$0]! }
            case let .list(items): items
            }
        }
    }

    public init(language: String, file: String = "<memory>", entries: [String: Entry] = [:]) {
        self.language = language; self.file = file; self.entries = entries
    }

    /// A text made in memory, for tests: keys to strings, plural maps or lists.
    public init(language: String, _ values: [String: Any]) {
        var entries: [String: Entry] = [:]
        for (key, value) in values {
            if let text = value as? String { entries[key] = Entry(.text(Located(text))) }
            if let forms = value as? [String: String] {
                entries[key] = Entry(.plural(Dictionary(uniqueKeysWithValues: forms.compactMap { name, text in
                    PluralCategory(rawValue: name).map { ($0, Located(text)) } })))
            }
            if let items = value as? [String] { entries[key] = Entry(.list(items.map { Located($0) })) }
        }
        self.init(language: language, entries: entries)
    }

    public var pluralRule: PluralRule? { PluralRule.forLanguage(language) }

    /// The string for `key` as plain text, its placeholders filled from `values`, links as their words.
    public func t(_ key: String, _ values: [String: String] = [:]) -> String {
        guard let entry = entries[key], case .text = entry.value else { return key }
        return InterfaceMessage.text(entry.pieces, values)
    }

    /// The same as HTML: text escaped, links as `<a href>` elements.
    public func html(_ key: String, _ values: [String: String] = [:]) -> String {
        guard let entry = entries[key], case .text = entry.value else { return key.htmlEscaped }
        return InterfaceMessage.html(entry.pieces, values)
    }

    /// The form of `key` for `count` ("{count} questions"), with `{count}` and `values` filled in. A form the
    /// file lacks falls back to 'other' (the checks report it missing).
    public func plural(_ key: String, count: Int, _ values: [String: String] = [:]) -> String {
        guard case let .plural(forms)? = entries[key]?.value else { return key }
        let category = pluralRule?.category(for: count) ?? .other
        guard let form = forms[category] ?? forms[.other] else { return key }
        return InterfaceMessage.text(form.value, values.merging(["count": String(count)]) { given, _ in given })
    }

    public func list(_ key: String) -> [String] {
        guard case let .list(items)? = entries[key]?.value else { return [] }
        return items.map(\.value)
    }

    /// 2026-11-25 as '25 November 2026', from `date.months` and `date.long`; other text as it is.
    public func longDate(_ iso: String) -> String {
        guard let date = CalendarDate(iso) else { return iso }
        let months = list("date.months")
        guard months.count == 12 else { return iso }
        return t("date.long", ["day": String(date.day), "month": months[date.month - 1], "year": String(date.year)])
    }
}
