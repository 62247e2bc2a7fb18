import ToolkitModel

/// Where each character of a front matter value sits in the file.
///
/// A value is not always the text of one line from its first character: YAML folds a long value over
/// several lines into one with spaces, drops quotes, and reads escapes. So the value is walked against the
/// source, character by character, skipping what YAML took out. A condition's errors and ids then point
/// at the right line and column even when the editor wrapped it.
struct ValueLocator {
    /// One place per Character of the value, and one just past its end.
    private var places: [SourceLocation] = []
    private let fallback: SourceLocation

    /// `text` is the front matter, whose first line is line `firstLine` of `path`; the value starts at `start`.
    init(value: String, start: SourceLocation, text: String, firstLine: Int) {
        fallback = start
        let rows = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        var line = start.line - firstLine
        guard line >= 0, line < rows.count else { return }
        // Only the lines the value is on become Characters, one at a time.
        func characters(_ line: Int) -> [Character] { Array(String(decoding: rows[line], as: UTF8.self)) }
        var source = characters(line)
        // Columns count Unicode scalars, as libyaml's do; the walk steps over Characters.
        var index = 0, column = 1
        while index < source.count, column < start.column {
            column += source[index].unicodeScalars.count
            index += 1
        }
        func here() -> SourceLocation { SourceLocation(file: start.file, line: firstLine + line, column: column) }
        func step() { column += source[index].unicodeScalars.count; index += 1 }
        walk: for character in value {
            while line < rows.count {
                if index >= source.count {
                    // A line break that YAML folded into a space.
                    let end = here()
                    line += 1; index = 0; column = 1
                    source = line < rows.count ? characters(line) : []
                    if character.isWhitespace { places.append(end); continue walk }
                    continue
                }
                let written = source[index]
                if written == character { places.append(here()); step(); continue walk }
                // Indentation, quotes and escape marks are in the file but not in the value.
                guard written.isWhitespace || written == "\\" || written == "'" || written == "\"" else { break walk }
                step()
            }
            break
        }
        if line < rows.count { places.append(here()) }
    }

    func location(ofOffset offset: Int) -> SourceLocation {
        guard let last = places.last else { return fallback }
        return offset < places.count ? places[offset] : last
    }
}
