import Mustache

/// A list for a template whose items' values are made as the template reaches each one, and dropped after.
/// The page with every question's guidance would otherwise hold the rendered HTML of the whole toolkit
/// in its values while the page itself is written.
struct MadeWhenRendered<Item>: MustacheSequence {
    let items: [Item]
    let make: (Item) -> [String: Any]

    init(_ items: [Item], _ make: @escaping (Item) -> [String: Any]) {
        self.items = items
        self.make = make
    }

    func makeIterator() -> LazyMapSequence<[Item], [String: Any]>.Iterator {
        items.lazy.map(make).makeIterator()
    }
}
