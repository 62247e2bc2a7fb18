/// When the law a content file states was last checked, and when it must be checked again,
/// as written in the file, so that a diagnostic or a review list can point at the date itself.
public struct LawDates: Sendable, Equatable {
    /// The content file the dates are in.
    public var file: String
    /// `law-checked` (in toolkit.md, `law-as-at`), when given and a real date.
    public var lawChecked: Located<String>?
    /// `review-by`, when given and a real date.
    public var reviewBy: Located<String>?

    public init(file: String, lawChecked: Located<String>? = nil, reviewBy: Located<String>? = nil) {
        self.file = file; self.lawChecked = lawChecked; self.reviewBy = reviewBy
    }
}

extension Part {
    /// The latest `law-checked` date of the part's file and its questions: when the part's law was
    /// last checked, for the site to show. nil when none of them gives one.
    public var latestLawChecked: String? {
        (questions.compactMap(\.lawChecked) + [lawChecked].compactMap { $0 }).max()
    }
}
