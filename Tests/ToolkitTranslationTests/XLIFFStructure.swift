import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The rules of the XLIFF 2.0 core schema (OASIS, xliff_core_2.0.xsd) for the elements this tool writes,
/// checked without the schema, which is not shipped here: which element may hold which, in what order,
/// which attributes each takes and what values, and ids that are unique XML name tokens.
enum XLIFFStructure {
    static let namespace = "urn:oasis:names:tc:xliff:document:2.0"

    /// Each element's attributes (besides those of other namespaces, which the schema allows on all but
    /// segment, source, target and cp) and the children it may have, as a pattern over their names.
    static let rules: [String: (attributes: Set<String>, otherNamespaces: Bool, children: String)] = [
        "xliff": (["version", "srcLang", "trgLang", "xml:space"], true, "^(file )+$"),
        "file": (["id", "canResegment", "original", "translate", "srcDir", "trgDir", "xml:space"], true, "^(skeleton )?(notes )?((unit|group) )+$"),
        "unit": (["id", "name", "canResegment", "translate", "srcDir", "trgDir", "xml:space", "type"], true, "^(notes )?(originalData )?((segment|ignorable) )+$"),
        "segment": (["id", "canResegment", "state", "subState"], false, "^source (target )?$"),
        "notes": ([], false, "^(note )+$"),
        "note": (["id", "appliesTo", "category", "priority"], true, "^$"),
        "source": (["xml:lang", "xml:space"], false, "^((cp|ph|pc|sc|ec|mrk|sm|em) )*$"),
        "target": (["xml:lang", "xml:space", "order"], false, "^((cp|ph|pc|sc|ec|mrk|sm|em) )*$"),
        "cp": (["hex"], false, "^$"),
    ]

    static func problems(in data: Data) throws -> [String] {
        let parser = XMLParser(data: data)
        let checker = Checker()
        parser.delegate = checker
        parser.shouldProcessNamespaces = true
        guard parser.parse() else { return ["not well-formed at line \(parser.lineNumber)"] }
        return checker.problems
    }

    /// An XML name token: name characters only (letters, digits, '.', '-', '_', ':' and a few more).
    static func isNameToken(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil || ".-_:\u{B7}".unicodeScalars.contains($0) }
    }

    private final class Checker: NSObject, XMLParserDelegate {
        var problems: [String] = []
        private var stack: [(name: String, children: [String], ids: Set<String>)] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            let line = parser.lineNumber
            func problem(_ text: String) { problems.append("line \(line): <\(name)> \(text)") }
            if namespaceURI != XLIFFStructure.namespace { problem("is not in the XLIFF 2.0 namespace") }
            if stack.isEmpty && name != "xliff" { problem("is the root, which must be <xliff>") }
            if !stack.isEmpty { stack[stack.count - 1].children.append(name) }
            guard let rule = XLIFFStructure.rules[name] else { problem("is not an element this tool writes"); stack.append((name, [], [])); return }
            for (key, value) in attributes {
                let isOther = key.contains(":") && !key.hasPrefix("xml:")
                if isOther ? !rule.otherNamespaces : !rule.attributes.contains(key) { problem("may not have the attribute \(key)") }
                switch key {
                case "xml:space" where !["default", "preserve"].contains(value): problem("has xml:space='\(value)'")
                case "state" where !["initial", "translated", "reviewed", "final"].contains(value): problem("has state='\(value)'")
                case "canResegment", "translate": if !["yes", "no"].contains(value) { problem("has \(key)='\(value)'") }
                case "hex" where value.count % 2 != 0 || !value.allSatisfy(\.isHexDigit): problem("has hex='\(value)', not hexBinary")
                case "srcLang", "trgLang":
                    if value.range(of: "^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$", options: .regularExpression) == nil {
                        problem("has \(key)='\(value)', not a language")
                    }
                default: break
                }
            }
            switch name {
            case "xliff":
                if attributes["version"] != "2.0" { problem("has version '\(attributes["version"] ?? "")'") }
                if attributes["srcLang"] == nil { problem("has no srcLang") }
            case "file", "unit":
                guard let id = attributes["id"], XLIFFStructure.isNameToken(id) else { problem("has no id, or one that is not a name token"); break }
                // File ids are unique in the document, unit ids in their file.
                if !stack[stack.count - 1].ids.insert(id).inserted { problem("repeats the id '\(id)'") }
            case "cp":
                if attributes["hex"] == nil { problem("has no hex") }
            default: break
            }
            stack.append((name, [], []))
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            guard let element = stack.popLast(), let rule = XLIFFStructure.rules[element.name] else { return }
            let children = element.children.map { $0 + " " }.joined()
            if children.range(of: rule.children, options: .regularExpression) == nil {
                problems.append("line \(parser.lineNumber): <\(name)> holds '\(children)', which XLIFF 2.0 does not allow")
            }
        }
    }
}
