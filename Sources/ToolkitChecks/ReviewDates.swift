import ToolkitModel

/// Review dates that act: an error when a file's `review-by` comes before its `law-checked`, and, when
/// the check is told the date, a warning for each file whose review date has passed.
public func checkReviewDates(_ toolkit: Toolkit, today: CalendarDate?) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for dates in toolkit.lawDates {
        guard let reviewText = dates.reviewBy, let reviewBy = CalendarDate(reviewText.value) else { continue }
        if let checkedText = dates.lawChecked, let checked = CalendarDate(checkedText.value), reviewBy < checked {
            let key = dates.file.hasSuffix("toolkit.md") ? "law-as-at" : "law-checked"
            diagnostics.append(.error("'review-by' (\(reviewBy.long)) comes before '\(key)' (\(checked.long))",
                                      at: reviewText.location,
                                      fix: "set 'review-by' to a date after \(checkedText.value), when the law should next be checked"))
        } else if let today, reviewBy < today {
            diagnostics.append(.warning("the law in this file was due for review on \(reviewBy.long)", at: reviewText.location,
                                        fix: "check the file against the law in force today, then set 'law-checked' to today's date and 'review-by' to the next review date"))
        }
    }
    return diagnostics
}

/// A file due for legal review.
public struct DueReview: Sendable, Equatable {
    public var file: String
    public var reviewBy: Located<String>
    public var lawChecked: String?
    /// Days from today to the review date: negative when it has passed.
    public var daysLeft: Int
}

/// The files whose review date falls on or before `today` plus `days`, overdue ones included,
/// oldest review date first (then by file), so a publisher can plan the next legal review.
public func reviewsDue(_ toolkits: [Toolkit], today: CalendarDate, within days: Int) -> [DueReview] {
    let horizon = today.adding(days: days)
    let due = toolkits.flatMap(\.lawDates).compactMap { dates -> (CalendarDate, DueReview)? in
        guard let text = dates.reviewBy, let reviewBy = CalendarDate(text.value), reviewBy <= horizon else { return nil }
        return (reviewBy, DueReview(file: dates.file, reviewBy: text, lawChecked: dates.lawChecked?.value,
                                    daysLeft: today.days(until: reviewBy)))
    }
    return due.sorted { ($0.0, $0.1.file) < ($1.0, $1.1.file) }.map(\.1)
}
