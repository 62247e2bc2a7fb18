import Testing
import ToolkitModel

/// Plural rules (CLDR's, for whole numbers), strings with placeholders and links, and look-ups by key.
struct PluralRuleTests {
    static let counts = [0, 1, 2, 3, 4, 5, 6, 7, 10, 11, 100]

    @Test func englishHasOneAndOther() throws {
        let rule = try #require(PluralRule.forLanguage("en"))
        #expect(rule.categories == [.one, .other])
        #expect(Self.counts.map(rule.category) == [.other, .one, .other, .other, .other, .other, .other, .other, .other, .other, .other])
    }

    @Test func welshHasSixForms() throws {
        let rule = try #require(PluralRule.forLanguage("cy"))
        #expect(rule.categories == [.zero, .one, .two, .few, .many, .other])
        #expect(Self.counts.map(rule.category) == [.zero, .one, .two, .few, .other, .other, .many, .other, .other, .other, .other])
    }

    @Test func aRegionalTagTakesItsLanguagesRuleAndAnUnknownLanguageHasNone() {
        #expect(PluralRule.forLanguage("en-GB")?.language == "en")
        #expect(PluralRule.forLanguage("cy_GB")?.language == "cy")
        #expect(PluralRule.forLanguage("fr") == nil)
    }
}

struct InterfaceMessageTests {
    @Test func readsPlaceholdersAndLinks() {
        #expect(InterfaceMessage.pieces("Question {number} of {count}") ==
            [.text("Question "), .placeholder("number"), .text(" of "), .placeholder("count")])
        #expect(InterfaceMessage.pieces("You can [load {what}](#/answers).") ==
            [.text("You can "), .link(words: [.text("load "), .placeholder("what")], target: "#/answers"), .text(".")])
    }

    @Test func bracesAndBracketsThatAreNotMarkupAreText() {
        for text in ["{ not one }", "{}", "{1x}", "[no link]", "[words] (apart)", "[words]( )", "[](x)", "a { b"] {
            #expect(InterfaceMessage.pieces(text) == [.text(text)], "\(text)")
        }
    }

    @Test func findsEachPlaceholderWithItsOffset() {
        let found = InterfaceMessage.placeholders(in: "{a} and [see {b}](x)")
        #expect(found.map(\.name) == ["a", "b"])
        #expect(found.map(\.offset) == [0, 13])
        #expect(InterfaceMessage.linkTargets(in: "[a](one) and [b](two)") == ["one", "two"])
    }

    @Test func fillsTextAndHTML() {
        #expect(InterfaceMessage.text("[Read {n}](all.html) & more", ["n": "<all>"]) == "Read <all> & more")
        #expect(InterfaceMessage.html("[Read {n}](all.html) & more", ["n": "<all>"]) == "<a href=\"all.html\">Read &lt;all&gt;</a> &amp; more")
        #expect(InterfaceMessage.text("{missing} stays", [:]) == "{missing} stays")
    }
}

struct InterfaceTextTests {
    static let english = InterfaceText(language: "en", [
        "part.caption": "Part {number} of {count}: {title}",
        "report.actions": ["one": "{count} action", "other": "{count} actions"],
        "date.months": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                        "November", "December"],
        "date.long": "{day} {month} {year}",
    ])
    static let welsh = InterfaceText(language: "cy", [
        "part-start.questions": ["zero": "{count} cwestiwn", "one": "{count} cwestiwn", "two": "{count} gwestiwn",
                                 "few": "{count} chwestiwn", "many": "{count} chwestiwn", "other": "{count} cwestiwn"],
        "date.months": ["Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst", "Medi", "Hydref",
                        "Tachwedd", "Rhagfyr"],
        "date.long": "{day} {month} {year}",
    ])

    @Test func looksUpAndFillsStrings() {
        #expect(Self.english.t("part.caption", ["number": "2", "count": "4", "title": "Rights"]) == "Part 2 of 4: Rights")
        #expect(Self.english.t("no.such.key") == "no.such.key")
    }

    @Test func choosesThePluralFormByTheLanguagesRule() {
        #expect(PluralRuleTests.counts.map { Self.english.plural("report.actions", count: $0) } ==
            ["0 actions", "1 action", "2 actions", "3 actions", "4 actions", "5 actions", "6 actions", "7 actions", "10 actions",
             "11 actions", "100 actions"])
        #expect(PluralRuleTests.counts.map { Self.welsh.plural("part-start.questions", count: $0) } ==
            ["0 cwestiwn", "1 cwestiwn", "2 gwestiwn", "3 chwestiwn", "4 cwestiwn", "5 cwestiwn", "6 chwestiwn", "7 cwestiwn",
             "10 cwestiwn", "11 cwestiwn", "100 cwestiwn"])
    }

    @Test func aMissingFormFallsBackToOther() {
        let partial = InterfaceText(language: "cy", ["x": ["one": "un", "other": "{count} arall"]])
        #expect(partial.plural("x", count: 3) == "3 arall")
        #expect(partial.plural("x", count: 1) == "un")
    }

    @Test func writesDatesWithTheLanguagesMonths() {
        #expect(Self.english.longDate("2026-11-25") == "25 November 2026")
        #expect(Self.welsh.longDate("2027-01-05") == "5 Ionawr 2027")
        #expect(Self.welsh.longDate("not a date") == "not a date")
    }
}
