import Dispatch
import Foundation

/// Every Markdown text of a build, each parsed once, by its text: the checks read their headings and
/// links, and the site their HTML. A text that was not parsed beforehand is parsed when asked for.
public struct MarkdownDocuments: Sendable {
    private var byText: [String: MarkdownDocument] = [:]

    public init() {}

    /// Parses each different text once, on every core. A text `previous` parsed (with HTML, when HTML is
    /// wanted) is taken from it, not parsed again: the preview keeps the last build's documents.
    public init(parsing texts: some Sequence<String>, renderingHTML: Bool, reusing previous: MarkdownDocuments? = nil) {
        var kept: [String: MarkdownDocument] = [:]
        var unparsed: [String] = []
        for text in Set(texts) where !text.isEmpty {
            if let document = previous?.byText[text], document.html != nil || !renderingHTML {
                kept[text] = document
            } else {
                unparsed.append(text)
            }
        }
        let parsed = Slots(count: unparsed.count)
        DispatchQueue.concurrentPerform(iterations: unparsed.count) { [unparsed] index in
            parsed.store(MarkdownDocument(parsing: unparsed[index], renderingHTML: renderingHTML), at: index)
        }
        // Made at its full size: grown as it filled, it hashed every text again at each doubling.
        var byText = kept
        byText.reserveCapacity(kept.count + unparsed.count)
        for (text, document) in zip(unparsed, parsed.all) { byText[text] = document }
        self.byText = byText
        parses = unparsed.count
    }

    /// How many texts were parsed to make it; the others were kept from `previous`. Tests use it to see
    /// that a rebuild parsed only what changed.
    public private(set) var parses = 0

    /// The text's document, with its HTML if it was parsed with it.
    public func document(_ text: String) -> MarkdownDocument {
        byText[text] ?? MarkdownDocument(parsing: text, renderingHTML: false)
    }

    /// The HTML the site shows for the text.
    public func html(_ text: String) -> String {
        if let html = byText[text]?.html { return html }
        return MarkdownDocument(parsing: text).html ?? ""
    }

    /// One slot per text, each written once by the worker that parsed it.
    private final class Slots: @unchecked Sendable {
        private var slots: [MarkdownDocument]
        private let lock = NSLock()
        init(count: Int) { slots = Array(repeating: MarkdownDocument(parsing: "", renderingHTML: false), count: count) }
        func store(_ document: MarkdownDocument, at index: Int) {
            lock.lock(); defer { lock.unlock() }
            slots[index] = document
        }
        var all: [MarkdownDocument] { slots }
    }
}
