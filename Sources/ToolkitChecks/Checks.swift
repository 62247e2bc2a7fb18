import ToolkitModel

/// Every check a build runs, in one call. Each check is a pure function of the toolkit and, for
/// review dates, of the day it is told is today (nil: review dates are checked only against each other).
public func check(_ toolkit: Toolkit, today: CalendarDate? = nil) -> [Diagnostic] {
    let structure = checkIdentifiers(toolkit) + checkReferences(toolkit)
    // Reachability reasons about conditions that name real questions and answers. With a misspelt id it
    // would only add a cascade of "no answers lead to ..." that hides the real cause, so it waits.
    let reachability = structure.hasErrors ? [] : checkReachability(toolkit)
    return (structure + reachability + checkEditorial(toolkit) + checkReviewDates(toolkit, today: today)
            + checkTranslations(toolkit)).sorted
}
