import Foundation
import ToolkitBuild
import ToolkitModel
import ToolkitSite

/// The pages only the preview server shows: the errors in place of the site, the editors' page, the map,
/// and the reload script. None of this is ever written into a site folder.
enum PreviewPages {
    /// Added before `</body>` of every HTML page the preview serves.
    static func reloadTag(generation: String) -> String {
        "<script src=\"/__toolkit/reload.js\" data-generation=\"\(escape(generation))\"></script>\n"
    }

    static func injectingReload(into html: String, generation: String) -> String {
        let tag = reloadTag(generation: generation)
        guard let end = html.range(of: "</body>", options: [.backwards, .caseInsensitive]) else { return html + tag }
        return html.replacingCharacters(in: end.lowerBound..<end.lowerBound, with: tag)
    }

    /// Shown in place of any page of the site while the content has errors.
    static func errors(_ diagnostics: [Diagnostic], failure: String, generation: String) -> String {
        let errors = diagnostics.filter { $0.severity == .error }
        let warnings = diagnostics.filter { $0.severity == .warning }
        let title = errors.isEmpty ? "The site could not be built" : "The content has \(count(errors.count, "error"))"
        var body = """
            <p class="editor-tag">Toolkit preview</p>
            <h1>\(escape(title))</h1>
            <p>The preview was not rebuilt (\(escape(failure))). Fix \(errors.count == 1 ? "the error" : "the errors") below and \
            save the file: this page reloads by itself, and the site comes back, on the page you were on.</p>

            """
        body += problemList(errors)
        if !warnings.isEmpty {
            body += "<details>\n<summary>\(count(warnings.count, "warning")) as well</summary>\n\(problemList(warnings))</details>\n"
        }
        body += "<p>The same list in a terminal: <code>toolkit check</code>. The <a href=\"/__toolkit/\">editors' page</a> has the map of the flow.</p>\n"
        return page(title: title, body: body, generation: generation)
    }

    /// The editors' page: how the last build went, the warnings, and links to each toolkit and its map.
    static func status(toolkits: [Toolkit], diagnostics: [Diagnostic], failure: String?, builtAt: Date,
                       milliseconds: Int, generation: String) -> String {
        let errors = diagnostics.filter { $0.severity == .error }
        let warnings = diagnostics.filter { $0.severity == .warning }
        let time = DateFormatter.localizedString(from: builtAt, dateStyle: .none, timeStyle: .medium)
        var body = "<p class=\"editor-tag\">Toolkit preview</p>\n<h1>Editors' page</h1>\n"
        if let failure {
            body += "<div class=\"banner banner--error\"><p><strong>The last build at \(escape(time)) failed:</strong> \(escape(failure)). "
                + "The site shows the errors until they are fixed.</p></div>\n"
        } else {
            body += "<div class=\"banner\"><p>Built at \(escape(time)) in \(milliseconds) ms, with \(count(errors.count, "error")) and "
                + "\(count(warnings.count, "warning")). The preview rebuilds each time you save a file in the content or theme folders.</p></div>\n"
        }
        body += "<h2>Toolkits</h2>\n<ul class=\"toolkits\">\n"
        for toolkit in toolkits {
            let id = escape(toolkit.id)
            body += "<li><strong>\(escape(toolkit.title))</strong>: <a href=\"/\(id)/index.html\">start page</a> · "
                + "<a href=\"/\(id)/questions.html\">questions</a> · <a href=\"/\(id)/all-guidance.html\">all questions and guidance</a> · "
                + "<a href=\"/__toolkit/map/\(id)\">map of the flow</a></li>\n"
        }
        body += "</ul>\n"
        if !errors.isEmpty { body += "<h2>\(count(errors.count, "error").capitalizedFirst)</h2>\n" + problemList(errors) }
        body += "<h2>\(count(warnings.count, "warning").capitalizedFirst)</h2>\n"
        body += warnings.isEmpty
            ? "<p>Nothing looks wrong.</p>\n"
            : "<p>Warnings do not stop the site being built, but each is probably a mistake.</p>\n" + problemList(warnings)
        return page(title: "Editors' page", body: body, generation: generation)
    }

    /// The map of one toolkit's flow. `svg` is nil when Graphviz is not installed.
    static func map(_ toolkit: Toolkit, svg: String?, dot: String, hasErrors: Bool, generation: String) -> String {
        let id = escape(toolkit.id)
        var body = "<p class=\"editor-tag\">Toolkit preview · <a href=\"/__toolkit/\">editors' page</a></p>\n"
        body += "<h1>Map of the flow: \(escape(toolkit.title))</h1>\n"
        if hasErrors {
            body += "<div class=\"banner banner--error\"><p>The content has errors: the <a href=\"/__toolkit/\">editors' page</a> lists them. "
                + "The map shows the content as it is now.</p></div>\n"
        }
        body += """
            <p>Each box is a question, grouped in its part. An arrow goes to each question that can come next and says which \
            answers lead there; 'otherwise' means when none of the other arrows apply. A dashed box is asked only when its \
            condition holds. Select a question to read it with all its guidance.</p>
            <p><a href="/__toolkit/map/\(id).svg">The map as a picture (SVG)</a> · <a href="/__toolkit/map/\(id).dot">as Graphviz text (DOT)</a></p>

            """
        if let svg, let start = svg.range(of: "<svg") {
            body += "<div class=\"map\">\n\(svg[start.lowerBound...])</div>\n"
        } else {
            body += "<div class=\"banner banner--error\"><p>\(escape(Graphviz.notInstalled)).</p></div>\n"
            body += "<pre class=\"dot\">\(escape(dot))</pre>\n"
        }
        return page(title: "Map: \(toolkit.title)", body: body, generation: generation)
    }

    static func notFound(generation: String) -> String {
        page(title: "Page not found", body: """
            <p class="editor-tag">Toolkit preview</p>
            <h1>Page not found</h1>
            <p>There is no such page in the preview. Go to the <a href="/">list of toolkits</a> or the <a href="/__toolkit/">editors' page</a>.</p>

            """, generation: generation)
    }

    private static func problemList(_ diagnostics: [Diagnostic]) -> String {
        var html = "<ol class=\"problems\">\n"
        for diagnostic in diagnostics {
            let place = diagnostic.location
            html += "<li class=\"problem problem--\(diagnostic.severity.rawValue)\">\n"
            html += "<p class=\"problem__where\"><code>\(escape(place.file))</code>"
            if place.line > 0 { html += ", line \(place.line), column \(place.column)" }
            html += "</p>\n<p class=\"problem__message\">\(escape(diagnostic.message.capitalizedFirst)).</p>\n"
            if let line = sourceLine(place) {
                let caret = String(repeating: " ", count: max(place.column - 1, 0)) + "^"
                html += "<pre class=\"problem__source\"><span class=\"problem__line\">\(place.line)</span> \(escape(line))\n"
                    + "<span class=\"problem__line\">\(String(repeating: " ", count: String(place.line).count))</span> \(caret)</pre>\n"
            }
            if let fix = diagnostic.fix, !fix.isEmpty {
                html += "<p class=\"problem__fix\"><strong>How to fix it:</strong> \(escape(fix))</p>\n"
            }
            html += "</li>\n"
        }
        return html + "</ol>\n"
    }

    /// The line a diagnostic points at, to show it in place.
    private static func sourceLine(_ location: SourceLocation) -> String? {
        guard location.line > 0, let text = try? String(contentsOfFile: location.file, encoding: .utf8) else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard location.line <= lines.count else { return nil }
        let line = lines[location.line - 1]
        return String(line.hasSuffix("\r") ? line.dropLast() : line)
    }

    private static func page(title: String, body: String, generation: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title)) - toolkit preview</title>
        <link rel="stylesheet" href="/__toolkit/editor.css">
        </head>
        <body>
        <main class="editor">
        \(body)</main>
        \(reloadTag(generation: generation))</body>
        </html>

        """
    }

    private static func count(_ n: Int, _ noun: String) -> String { "\(n == 0 ? "no" : String(n)) \(noun)\(n == 1 ? "" : "s")" }

    /// The site's own HTML escaping, so preview pages and site pages escape alike.
    static func escape(_ text: String) -> String { text.htmlEscaped }

    /// Reloads the tab when the preview is rebuilt. The address, and so the `#/question/ID` route, stays
    /// as it is; answers stay in localStorage; the scroll position is kept for the reload.
    static let reloadScript = """
        // Served by `toolkit serve` only, never part of a built site.
        // Reloads this tab when the content is rebuilt, keeping its place: the address (and so the
        // #/question/ID route) is unchanged by a reload, answers stay in localStorage, and the scroll
        // position is put back.
        (function () {
          "use strict";
          var script = document.currentScript;
          var generation = script ? script.getAttribute("data-generation") : null;
          var key = "toolkit-preview-scroll:" + location.pathname + location.hash;
          var saved = null;
          try { saved = sessionStorage.getItem(key); sessionStorage.removeItem(key); } catch (e) { /* storage off */ }
          if (saved !== null) {
            window.addEventListener("load", function () {
              setTimeout(function () { window.scrollTo(0, Number(saved) || 0); }, 50);
            });
          }
          if (!window.EventSource) return;
          var events = new EventSource("/__toolkit/events");
          function reload() {
            try { sessionStorage.setItem(key, String(window.scrollY)); } catch (e) { /* storage off */ }
            events.close();
            location.reload();
          }
          // After the server restarts, or a rebuild while this page was loading, the generation differs.
          events.addEventListener("hello", function (event) { if (generation && event.data !== generation) reload(); });
          events.addEventListener("reload", reload);
        })();

        """

    static let stylesheet = """
        /* The editors' pages of `toolkit serve`. */
        body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Arial, sans-serif; color: #0b0c0c;
          background: #fff; line-height: 1.5; }
        .editor { max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
        .editor-tag { color: #505a5f; font-weight: 600; margin: 0; }
        h1 { font-size: 2rem; margin: 0.3rem 0 1rem; }
        h2 { font-size: 1.4rem; margin-top: 2rem; }
        a { color: #1d70b8; }
        a:focus { outline: 3px solid #fd0; background: #fd0; color: #0b0c0c; }
        code, pre { font-family: ui-monospace, "SFMono-Regular", Consolas, monospace; }
        .banner { border-left: 6px solid #1d70b8; background: #f3f2f1; padding: 0.2rem 1rem; margin: 1rem 0; }
        .banner--error { border-color: #d4351c; }
        .problems { padding-left: 1.5rem; }
        .problem { margin-bottom: 1.2rem; padding-left: 0.5rem; }
        .problem--error { border-left: 4px solid #d4351c; }
        .problem--warning { border-left: 4px solid #f47738; }
        .problem p { margin: 0.2rem 0; }
        .problem__message { font-weight: 600; }
        .problem__source { background: #f3f2f1; padding: 0.4rem 0.6rem; overflow-x: auto; margin: 0.3rem 0; }
        .problem__line { color: #505a5f; user-select: none; }
        .map { overflow: auto; border: 1px solid #b1b4b6; padding: 0.5rem; }
        .map svg { max-width: none; height: auto; }
        .dot { background: #f3f2f1; padding: 0.5rem; overflow: auto; }
        details summary { cursor: pointer; font-weight: 600; margin: 1rem 0; }

        """
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
