import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads an XLIFF 2.0 document back: the files, their units, and each unit's source, target and state.
/// A unit that a tool cut into several segments is joined up again, with the `<ignorable>` text between.
enum XLIFFReader {
    struct Failure: Error, Equatable {
        var line: Int
        var message: String
    }

    static func read(_ data: Data) -> Result<XLIFFDocument, Failure> {
        let parser = XMLParser(data: data)
        let reader = Delegate()
        parser.delegate = reader
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        guard parser.parse(), reader.failure == nil else {
            if let failure = reader.failure { return .failure(failure) }
            let reason = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "it is not well-formed XML"
            return .failure(Failure(line: parser.lineNumber, message: "the file cannot be read as XML: \(reason)"))
        }
        guard let document = reader.document else {
            return .failure(Failure(line: 1, message: "the file is not an XLIFF 2.0 document (no <xliff> element in \(XLIFFDocument.namespace))"))
        }
        return .success(document)
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        var document: XLIFFDocument?
        var failure: Failure?
        private var file: XLIFFDocument.File?
        private var unit: XLIFFDocument.Unit?
        /// The segment or ignorable being read, and those of the unit read so far.
        private var part: Part?
        private var parts: [Part] = []
        struct Part {
            var source = ""
            var target: String? = nil
            var isSegment: Bool
            var state: String
        }
        /// Which text is being read: the source, the target, or a note.
        private var reading: String?
        private var noteText = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if reading != nil {
                // Inside a text, only a code point stands for text; other inline markup is left out and its words kept.
                if name == "cp", let hex = attributes["hex"], let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) {
                    append(String(Character(scalar)))
                }
                return
            }
            guard namespaceURI == XLIFFDocument.namespace else { return }
            let line = parser.lineNumber
            switch name {
            case "xliff":
                guard attributes["version"]?.hasPrefix("2.") == true else {
                    stop(parser, line, "this is XLIFF \(attributes["version"] ?? "of no version"); toolkit reads XLIFF 2.0")
                    return
                }
                document = XLIFFDocument(sourceLanguage: attributes["srcLang"] ?? "", targetLanguage: attributes["trgLang"], files: [])
            case "file":
                let fingerprint = attributes.first { $0.key.split(separator: ":").last == "fingerprint" }?.value
                file = XLIFFDocument.File(original: attributes["original"], fingerprint: fingerprint, units: [], line: line)
            case "unit":
                let token = attributes["id"] ?? ""
                unit = XLIFFDocument.Unit(key: XLIFFName.text(token) ?? token, source: "", line: line)
                parts = []
            case "segment", "ignorable":
                part = Part(isSegment: name == "segment", state: attributes["state"] ?? "initial")
            case "source", "target":
                if part != nil { reading = name; if name == "target" { part?.target = "" } }
            case "note":
                if unit != nil { reading = "note"; noteText = "" }
            default:
                break
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if let current = reading {
                if name == current && namespaceURI == XLIFFDocument.namespace {
                    reading = nil
                    if current == "note" { unit?.note = noteText }
                }
                return
            }
            guard namespaceURI == XLIFFDocument.namespace else { return }
            switch name {
            case "segment", "ignorable":
                if let finished = part { parts.append(finished) }
                part = nil
            case "unit":
                if var finished = unit {
                    finished.source = parts.map(\.source).joined()
                    // A text is translated only when every segment is; text between segments stands for itself.
                    let untranslated = parts.contains { $0.isSegment && $0.target == nil }
                    finished.target = untranslated ? nil : parts.map { $0.target ?? $0.source }.joined()
                    finished.state = Self.least(parts.filter(\.isSegment).map(\.state))
                    file?.units.append(finished)
                }
                unit = nil
            case "file":
                if let finished = file { document?.files.append(finished) }
                file = nil
            default:
                break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { append(string) }

        /// Where the parser gave up: read here, since the line it reports after stopping is not reliable.
        func parser(_ parser: XMLParser, parseErrorOccurred error: Error) {
            if failure == nil {
                failure = Failure(line: parser.lineNumber, message: "the file cannot be read as XML: \(Self.reason((error as NSError).code))")
            }
        }

        /// The parser's error in words. Its codes differ between platforms (libxml2's own on Linux), and
        /// its description is only a number, so the advice is general.
        static func reason(_ code: Int) -> String {
            "it is not well-formed XML (parser error \(code)): check that every element is closed, and that "
                + "'&' and '<' in a text are written '&amp;' and '&lt;'"
        }

        func parser(_ parser: XMLParser, foundCDATA block: Data) { append(String(decoding: block, as: UTF8.self)) }

        private func append(_ text: String) {
            switch reading {
            case "source": part?.source += text
            case "target": part?.target?.append(text)
            case "note": noteText += text
            default: break
            }
        }

        private func stop(_ parser: XMLParser, _ line: Int, _ message: String) {
            failure = Failure(line: line, message: message)
            parser.abortParsing()
        }

        /// The least advanced of the segments' states: a unit is only as done as its least done part.
        static func least(_ states: [String]) -> String? {
            let order = ["initial", "translated", "reviewed", "final"]
            return states.min { (order.firstIndex(of: $0) ?? 1) < (order.firstIndex(of: $1) ?? 1) }
        }
    }
}
