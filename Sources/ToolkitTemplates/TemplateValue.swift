/// A value a page's template sees. Typed, so that rendering a page of 2,000 questions asks no question of
/// a value's type at run time: `{{name}}` writes `.text` escaped (numbers and booleans as their digits and
/// words), `{{#name}}` repeats over a `.list`, shows for `true`, and steps into an `.object` or any text.
public enum TemplateValue {
    case text(String)
    case number(Int)
    case bool(Bool)
    case list([TemplateValue])
    /// A list whose items are made as the template reaches each one, and dropped after: the page with every
    /// question's guidance would otherwise hold the HTML of the whole toolkit in its values while it is written.
    case madeWhenRendered(count: Int, item: (Int) -> TemplateValue)
    case object([String: TemplateValue])

    /// The items made one at a time from `items`.
    public static func madeWhenRendered<Item>(_ items: [Item], _ make: @escaping (Item) -> TemplateValue) -> TemplateValue {
        .madeWhenRendered(count: items.count) { make(items[$0]) }
    }

    /// `.text` for a value, `false` for none: a template shows a section for any text, even an empty one.
    public static func text(_ value: String?) -> TemplateValue { value.map(TemplateValue.text) ?? .bool(false) }

    /// The value under `key`, when this is an object.
    public subscript(key: String) -> TemplateValue? {
        get {
            guard case let .object(values) = self else { return nil }
            return values[key]
        }
        set {
            guard case var .object(values) = self else { return }
            values[key] = newValue
            self = .object(values)
        }
    }

    /// This object with `other`'s values added, `other`'s winning where both have a key.
    public func merging(_ other: TemplateValue) -> TemplateValue {
        guard case let .object(mine) = self, case let .object(theirs) = other else { return self }
        return .object(mine.merging(theirs) { $1 })
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        // Filled key by key: Dictionary(_:uniquingKeysWith:) merges, which showed in a big page's profile.
        var values = [String: TemplateValue](minimumCapacity: elements.count)
        for (key, value) in elements { values[key] = value }
        self = .object(values)
    }
}
