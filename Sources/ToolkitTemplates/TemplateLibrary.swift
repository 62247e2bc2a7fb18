/// A theme's templates by name, so that a page's template can include the others as partials.
public struct TemplateLibrary: Sendable {
    public private(set) var templates: [String: Template] = [:]

    public init() {}

    public mutating func add(_ template: Template, named name: String) { templates[name] = template }

    /// The page `name` renders with `values` as UTF-8 bytes; nil when there is no such template. A partial the
    /// library lacks writes nothing (the theme's loader reports it before any page is rendered).
    public func render(_ name: String, with values: TemplateValue) -> [UInt8]? {
        guard let template = templates[name] else { return nil }
        var writer = TemplateWriter(library: self, stack: [values])
        writer.write(template.nodes)
        return writer.page()
    }
}

/// Writes a template's nodes into one buffer of bytes: no section is made into a string of its own and
/// copied into its parent's, which on the page of all guidance meant copying megabytes at every level.
struct TemplateWriter {
    let library: TemplateLibrary
    /// The values in scope, innermost last: a name is looked up from the innermost out.
    var stack: [TemplateValue]
    /// The page so far: `output` fills up to `chunkSize`, then joins `written`. One growing buffer would
    /// hold its old and new copies at once each time it grew: 96 MB at once for a page of 38 MB.
    var output: [UInt8] = []
    private var written: [[UInt8]] = []
    private static let chunkSize = 1 << 18
    /// Inside an indented partial: the spaces to write at the start of each of its lines.
    private var indentation: [UInt8] = []
    private var atLineStart = true

    init(library: TemplateLibrary, stack: [TemplateValue]) {
        self.library = library
        self.stack = stack
        output.reserveCapacity(16_384)
    }

    /// The whole page in one buffer of its exact size, each chunk freed as soon as it is copied in.
    mutating func page() -> [UInt8] {
        guard !written.isEmpty else { return output }
        var page: [UInt8] = []
        page.reserveCapacity(written.reduce(output.count) { $0 + $1.count })
        for index in written.indices {
            page += written[index]
            written[index] = []
        }
        page += output
        output = []
        return page
    }

    /// After each node: a full chunk is put aside and a new one begun.
    private mutating func endChunkIfFull() {
        guard output.count >= Self.chunkSize else { return }
        written.append(output)
        output = []
        output.reserveCapacity(Self.chunkSize + Self.chunkSize / 4)
    }

    mutating func write(_ nodes: [TemplateNode]) {
        for node in nodes {
            endChunkIfFull()
            switch node {
            case let .text(text):
                writeText(text)
            case let .value(name, escaped):
                guard let value = lookUp(name) else { continue }
                switch value {
                case let .text(text): writeValue(text, escaped: escaped)
                case let .number(number): writeValue(String(number), escaped: false)
                case let .bool(flag): writeValue(flag ? "true" : "false", escaped: false)
                case .list, .madeWhenRendered, .object: break
                }
            case let .section(name, nodes, inverted):
                let value = lookUp(name)
                if inverted {
                    if !shows(value) { write(nodes) }
                } else if let value {
                    writeSection(nodes, for: value)
                }
            case let .partial(name, partialIndentation):
                guard let template = library.templates[name] else { continue }
                let outer = indentation
                indentation += partialIndentation
                write(template.nodes)
                indentation = outer
            }
        }
    }

    private mutating func writeSection(_ nodes: [TemplateNode], for value: TemplateValue) {
        switch value {
        case let .bool(flag):
            if flag { write(nodes) }
        case let .list(items):
            for item in items { writeInScope(nodes, of: item) }
        case let .madeWhenRendered(count, item):
            for index in 0..<count { writeInScope(nodes, of: item(index)) }
        case .text, .number, .object:
            writeInScope(nodes, of: value)
        }
    }

    private mutating func writeInScope(_ nodes: [TemplateNode], of value: TemplateValue) {
        stack.append(value)
        write(nodes)
        stack.removeLast()
    }

    /// Whether `{{#name}}` would show: not for a missing value, false, or an empty list.
    private func shows(_ value: TemplateValue?) -> Bool {
        switch value {
        case nil: false
        case let .bool(flag)?: flag
        case let .list(items)?: !items.isEmpty
        case let .madeWhenRendered(count, _)?: count > 0
        case .text?, .number?, .object?: true
        }
    }

    /// The first part of the name from the innermost value that has it, the rest inside that value.
    private func lookUp(_ name: [String]) -> TemplateValue? {
        guard let first = name.first else { return stack.last }
        for scope in stack.reversed() {
            guard case let .object(values) = scope, var found = values[first] else { continue }
            for part in name.dropFirst() {
                guard case let .object(inner) = found, let next = inner[part] else { return nil }
                found = next
            }
            return found
        }
        return nil
    }

    private mutating func writeText(_ text: [UInt8]) {
        guard !indentation.isEmpty else { output += text; return }
        for byte in text {
            if atLineStart { output += indentation; atLineStart = false }
            output.append(byte)
            if byte == UInt8(ascii: "\n") { atLineStart = true }
        }
    }

    private mutating func writeValue(_ value: String, escaped: Bool) {
        if !indentation.isEmpty, atLineStart, !value.isEmpty { output += indentation; atLineStart = false }
        var value = value
        value.withUTF8 { bytes in
            if escaped { HTMLEscape.append(bytes, to: &output) } else { output.append(contentsOf: bytes) }
        }
    }
}

/// `{{name}}`'s escaping for HTML text and attribute values: & < > " and ' as entities, in runs of bytes.
enum HTMLEscape {
    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var runStart = 0
        for index in 0..<bytes.count {
            let entity: StaticString
            switch bytes[index] {
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "\""): entity = "&quot;"
            case UInt8(ascii: "'"): entity = "&#39;"
            default: continue
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            output.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
            runStart = index + 1
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
    }
}
