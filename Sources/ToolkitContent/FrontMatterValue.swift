import ToolkitModel
import Yams

/// One value of front matter as YAML composes it (a text, a list, or pairs of a key and a value), with
/// where it is written in the file. `PlainFrontMatter` makes them for the plain YAML the content uses,
/// `ComposedFrontMatter` from Yams's nodes for any other. (Sendable is written out: the compiler's own
/// inference goes round in a circle on a type that holds itself.)
struct FrontMatterValue: Sendable {
    enum Form: Sendable {
        /// `tag` is the tag written before the text (`!!str`, expanded as YAML does), or YAML's `!!str`
        /// for a quoted text; nil for a plain text with none.
        case text(String, quoted: Bool, tag: String?)
        case list([FrontMatterValue])
        case pairs([(key: FrontMatterValue, value: FrontMatterValue)])
    }

    var form: Form
    var location: SourceLocation

    var text: String? {
        if case let .text(text, _, _) = form { return text }
        return nil
    }

    var isQuoted: Bool {
        if case let .text(_, quoted, _) = form { return quoted }
        return false
    }

    var items: [FrontMatterValue]? {
        if case let .list(items) = form { return items }
        return nil
    }

    var pairs: [(key: FrontMatterValue, value: FrontMatterValue)]? {
        if case let .pairs(pairs) = form { return pairs }
        return nil
    }

    /// The value of the last pair whose key is `name`, as Yams's `mapping[name]` finds it, for a name YAML
    /// reads as text (`title`, `url`): a key is that name unless it is tagged as some other type.
    subscript(name: String) -> FrontMatterValue? {
        pairs?.last { pair in
            guard case let .text(key, _, tag) = pair.key.form, key == name else { return false }
            return tag == nil || tag == Tag.Name.str.rawValue || tag == Tag.Name.nonSpecific.rawValue
        }?.value
    }
}
