/// The Mustache rule for tags alone on a line: a section, closing, comment, partial or delimiter tag with
/// nothing but spaces or tabs around it on its line writes nothing of that line, neither the spaces nor the
/// line's end. A partial keeps the spaces before it, to indent each line it includes.
enum TemplateLines {
    static func removingStandaloneLines(_ pieces: [TemplatePiece]) -> [TemplatePiece] {
        var result: [TemplatePiece] = []
        result.reserveCapacity(pieces.count)
        var lineStart = 0
        while lineStart < pieces.count {
            var lineEnd = lineStart
            while lineEnd < pieces.count {
                lineEnd += 1
                if case let .text(text) = pieces[lineEnd - 1], text.last == UInt8(ascii: "\n") { break }
            }
            let line = pieces[lineStart..<lineEnd]
            if let alone = standaloneTag(in: line) {
                var tag = alone.tag
                if tag.kind == .partial { tag.indentation = alone.indentation }
                result.append(.tag(tag))
            } else {
                result.append(contentsOf: line)
            }
            lineStart = lineEnd
        }
        return result
    }

    private static func standaloneTag(in line: ArraySlice<TemplatePiece>) -> (tag: TemplateTag, indentation: [UInt8])? {
        var found: TemplateTag?
        var indentation: [UInt8] = []
        for piece in line {
            switch piece {
            case let .tag(tag):
                guard found == nil, tag.canStandAlone else { return nil }
                found = tag
            case let .text(text):
                guard text.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\n") })
                else { return nil }
                if found == nil { indentation += text }
            }
        }
        return found.map { ($0, indentation) }
    }
}

/// The pieces as a tree: each section holds what it repeats. An unopened or unclosed section is an error
/// at its tag.
enum TemplateTree {
    private struct OpenSection {
        var tag: TemplateTag
        var nodes: [TemplateNode] = []
    }

    static func build(_ pieces: [TemplatePiece], errors: inout [TemplateError]) -> ([TemplateNode], [Template.Include]) {
        var stack = [OpenSection(tag: TemplateTag(kind: .section, name: "", line: 0, column: 0))]
        var partials: [Template.Include] = []
        func add(_ node: TemplateNode) {
            if case let .text(more) = node, case let .text(text)? = stack[stack.count - 1].nodes.last {
                stack[stack.count - 1].nodes[stack[stack.count - 1].nodes.count - 1] = .text(text + more)
            } else {
                stack[stack.count - 1].nodes.append(node)
            }
        }
        for piece in pieces {
            switch piece {
            case let .text(text):
                add(.text(Array(text)))
            case let .tag(tag):
                switch tag.kind {
                case .value, .unescaped: add(.value(name: parts(of: tag.name), escaped: tag.kind == .value))
                case .section, .inverted: stack.append(OpenSection(tag: tag))
                case .partial:
                    partials.append(Template.Include(name: tag.name, line: tag.line, column: tag.column))
                    add(.partial(name: tag.name, indentation: tag.indentation))
                case .comment, .delimiters: break
                case .close:
                    guard stack.count > 1 else {
                        errors.append(TemplateError(message: "{{/\(tag.name)}} closes a section that is not open", line: tag.line,
                                                    column: tag.column, fix: "remove it, or open the section with {{#\(tag.name)}}"))
                        continue
                    }
                    let open = stack[stack.count - 1]
                    guard open.tag.name == tag.name else {
                        errors.append(TemplateError(message: "{{/\(tag.name)}} closes a section, but the section open here is {{#\(open.tag.name)}} from line \(open.tag.line)",
                                                    line: tag.line, column: tag.column, fix: "close {{#\(open.tag.name)}} first with {{/\(open.tag.name)}}"))
                        continue
                    }
                    stack.removeLast()
                    add(.section(name: parts(of: open.tag.name), nodes: open.nodes, inverted: open.tag.kind == .inverted))
                }
            }
        }
        for open in stack.dropFirst() {
            let sigil = open.tag.kind == .inverted ? "^" : "#"
            errors.append(TemplateError(message: "the section {{\(sigil)\(open.tag.name)}} is not closed", line: open.tag.line,
                                        column: open.tag.column, fix: "close it with {{/\(open.tag.name)}}"))
        }
        return (stack[0].nodes, partials)
    }

    /// `t.common.back` -> ["t", "common", "back"]; `.` (the value itself) -> [].
    private static func parts(of name: String) -> [String] {
        name == "." ? [] : name.split(separator: ".").map(String.init)
    }
}
