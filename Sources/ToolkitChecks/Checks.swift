import Dispatch
import ToolkitMarkdown
import ToolkitModel

/// Every check a build runs, in one call. Each check is a pure function of the toolkit and, for
/// review dates, of the day it is told is today (nil: review dates are checked only against each other).
/// `markdown` holds the toolkit's Markdown texts as the build parsed them (nil: they are parsed here).
public func check(_ toolkit: Toolkit, today: CalendarDate? = nil, markdown: MarkdownDocuments? = nil) -> [Diagnostic] {
    let markdown = markdown ?? MarkdownDocuments(parsing: toolkit.markdownTextsInEveryLanguage.map(\.text), renderingHTML: false)
    // Two halves, each on a core of its own: they read the same toolkit and share nothing else.
    var halves: [[Diagnostic]] = [[], []]
    halves.withUnsafeMutableBufferPointer { slots in
        nonisolated(unsafe) let slots = slots
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            slots[half] = half == 0 ? checkFlow(toolkit) : checkWords(toolkit, today: today, markdown: markdown)
        }
    }
    return (halves[0] + halves[1]).sorted
}

/// Ids, references and reachability: the toolkit's structure.
func checkFlow(_ toolkit: Toolkit) -> [Diagnostic] {
    let structure = checkIdentifiers(toolkit) + checkReferences(toolkit)
    // Reachability reasons about conditions that name real questions and answers. With a misspelt id it
    // would only add a cascade of "no answers lead to ..." that hides the real cause, so it waits.
    return structure + (structure.hasErrors ? [] : checkReachability(toolkit))
}

/// What the toolkit says: the editorial checks, its Markdown, its review dates and its translations.
func checkWords(_ toolkit: Toolkit, today: CalendarDate?, markdown: MarkdownDocuments) -> [Diagnostic] {
    checkEditorial(toolkit) + checkMarkdown(toolkit, markdown) + checkReviewDates(toolkit, today: today) + checkTranslations(toolkit, markdown)
}
