import ToolkitMarkdown
import ToolkitModel

/// Every check a build runs, in one call. Each check is a pure function of the toolkit and, for
/// review dates, of the day it is told is today (nil: review dates are checked only against each other).
/// `markdown` holds the toolkit's Markdown texts as the build parsed them (nil: they are parsed here).
public func check(_ toolkit: Toolkit, today: CalendarDate? = nil, markdown: MarkdownDocuments? = nil) -> [Diagnostic] {
    let structure = checkIdentifiers(toolkit) + checkReferences(toolkit)
    // Reachability reasons about conditions that name real questions and answers. With a misspelt id it
    // would only add a cascade of "no answers lead to ..." that hides the real cause, so it waits.
    let reachability = structure.hasErrors ? [] : checkReachability(toolkit)
    let markdown = markdown ?? MarkdownDocuments(parsing: toolkit.markdownTextsInEveryLanguage.map(\.text), renderingHTML: false)
    return (structure + reachability + checkEditorial(toolkit) + checkMarkdown(toolkit, markdown)
            + checkReviewDates(toolkit, today: today) + checkTranslations(toolkit, markdown)).sorted
}
