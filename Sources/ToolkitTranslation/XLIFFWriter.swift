/// Writes an XLIFF 2.0 document. Texts are Markdown and go in as they are: `xml:space="preserve"` keeps
/// every space and line break, `canResegment="no"` asks tools not to cut a text into sentences, and the
/// characters XML cannot hold are written as XLIFF's `<cp hex="…"/>`, so the text comes back byte for byte.
enum XLIFFWriter {
    static func write(_ document: XLIFFDocument) -> String {
        var out = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        out += #"<xliff xmlns="\#(XLIFFDocument.namespace)" xmlns:tk="\#(XLIFFDocument.toolkitNamespace)" version="2.0""#
        out += #" srcLang="\#(attribute(document.sourceLanguage))""#
        if let target = document.targetLanguage { out += #" trgLang="\#(attribute(target))""# }
        out += ">\n"
        var fileIDs: Set<String> = []
        for file in document.files {
            let original = file.original ?? "file"
            // Ids need only be unique; the path in `original` is what import reads.
            var id = XLIFFName.token(original.replacingSlashes), suffix = 2
            while !fileIDs.insert(id).inserted { id = XLIFFName.token(original.replacingSlashes) + "-\(suffix)"; suffix += 1 }
            out += #"  <file id="\#(id)" original="\#(attribute(original))" canResegment="no""#
            if let fingerprint = file.fingerprint { out += #" tk:fingerprint="\#(attribute(fingerprint))""# }
            out += ">\n"
            for unit in file.units { out += write(unit, in: original) }
            out += "  </file>\n"
        }
        return out + "</xliff>\n"
    }

    private static func write(_ unit: XLIFFDocument.Unit, in original: String) -> String {
        var out = #"    <unit id="\#(XLIFFName.token(unit.key))" name="\#(attribute(original + "#" + unit.key))">"# + "\n"
        if let note = unit.note {
            out += "      <notes>\n        <note category=\"toolkit\">\(content(note))</note>\n      </notes>\n"
        }
        out += unit.state.map { #"      <segment state="\#($0)">"# } ?? "      <segment>"
        out += "\n        <source xml:space=\"preserve\">\(content(unit.source))</source>\n"
        if let target = unit.target { out += "        <target xml:space=\"preserve\">\(content(target))</target>\n" }
        return out + "      </segment>\n    </unit>\n"
    }

    /// Text for element content: markup characters escaped, a carriage return kept as a reference (a
    /// parser would turn a bare one into a line feed), and characters XML 1.0 forbids as `<cp>`.
    static func content(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\r": out += "&#13;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                if isForbidden(scalar) {
                    out += #"<cp hex="\#(hex(scalar.value))"/>"#
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    static func attribute(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t": out += "&#9;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            default: out.unicodeScalars.append(isForbidden(scalar) ? "\u{FFFD}" : scalar)
            }
        }
        return out
    }

    /// Characters an XML 1.0 document cannot contain, even as a reference.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && !["\t", "\n", "\r"].contains(scalar)) || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

private extension String {
    var replacingSlashes: String { split(separator: "/", omittingEmptySubsequences: false).joined(separator: ".") }
}
