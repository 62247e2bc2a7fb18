extension String {
    /// Escaped for HTML text and attribute values: the interface's messages (InterfaceMessage), the pages and
    /// the preview's own pages all escape with this.
    public var htmlEscaped: String {
        var out = ""
        for c in self {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
