import Foundation
import Testing
import ToolkitModel
@testable import ToolkitSite

/// The theme's locale files checked against each other and against where the templates and the runtime
/// use them: each problem at the file, line and column it is about.
struct ThemeLocalesTests {
    static let english = """
        common:
          back: Back
          continue: Continue
        part-start:
          questions:
            one: "{count} question"
            other: "{count} questions"
        question:
          progress: "Question {number} of {count}"
          load: "You can [load your answers](#/answers)."
        date:
          months: [January, February]
        """

    static let welsh = """
        common:
          back: Yn ôl
        part-start:
          questions:
            one: "{count} cwestiwn"
            two: "{count} gwestiwn"
            other: "{count} cwestiwn"
        question:
          progress: "Cwestiwn {number} o {cyfanswm}"
          load: "Gallwch [lwytho eich atebion](#/ffeil)."
        date:
          months: Ionawr
        extra: Ychwanegol
        """

    /// A locales folder holding `files` (name -> text), loaded as the theme loads it.
    static func load(_ files: [String: String]) throws -> (String, [Diagnostic]) {
        let folder = NSTemporaryDirectory() + "toolkit-locales-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8) }
        return (folder, ThemeLocales.load(folder: folder).diagnostics)
    }

    @Test func everyProblemOfATranslationIsReportedAtItsLine() throws {
        let (folder, diagnostics) = try Self.load(["en.yml": Self.english, "cy.yml": Self.welsh])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cy = folder + "/cy.yml", en = folder + "/en.yml"
        #expect(diagnostics.map(\.description) == [
            "\(cy):4:3: error: 'part-start.questions' has no 'zero' form, which cy needs (as for 0). add 'zero: ...' under 'part-start.questions'; cy uses zero, one, two, few, many, other",
            "\(cy):4:3: error: 'part-start.questions' has no 'few' form, which cy needs (as for 3). add 'few: ...' under 'part-start.questions'; cy uses zero, one, two, few, many, other",
            "\(cy):4:3: error: 'part-start.questions' has no 'many' form, which cy needs (as for 6). add 'many: ...' under 'part-start.questions'; cy uses zero, one, two, few, many, other",
            "\(cy):2:3: error: 'common.continue' is missing: en.yml defines it at \(en):3:3. add 'common.continue' to \(cy), after 'common.back', translating 'Continue'",
            "\(cy):9:34: error: 'question.progress' has the placeholder {cyfanswm}, which en.yml does not have. use one of {count}, {number}, as en.yml does at \(en):9:3",
            "\(cy):10:10: error: 'question.load' links to '#/ffeil', which en.yml does not. link to #/answers, as en.yml does",
            "\(cy):12:3: error: 'date.months' is a string here but a list in en.yml. write it as en.yml does at \(en):12:3",
            "\(cy):13:1: warning: 'extra' is not used: en.yml has no such key. remove it, or add it to en.yml first",
        ])
    }

    @Test func theSourceMustExistAndItsPluralsHaveEnglishsForms() throws {
        let (folder, diagnostics) = try Self.load(["cy.yml": Self.welsh])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(diagnostics.last?.description.hasPrefix("\(folder)/en.yml:1:1: error: the theme has no en.yml") == true, "\(diagnostics)")
        let (other, problems) = try Self.load(["en.yml": "a:\n  one: x\n  few: y\n", "xx.yml": "a: b\n"])
        defer { try? FileManager.default.removeItem(atPath: other) }
        #expect(problems.map(\.description) == [
            "\(other)/xx.yml:1:1: error: the toolkit does not know the plural rules of 'xx'. name a locale file by its language's code; the languages known are cy, en (add others to PluralRules.swift)",
            "\(other)/en.yml:1:1: error: 'a' has no 'other' form, which en needs (as for 0). add 'other: ...' under 'a'; en uses one, other",
            "\(other)/en.yml:3:8: warning: 'a' has a 'few' form, which en never uses. remove it; en uses one, other",
        ])
    }

    @Test func usesInTemplatesAndScriptsAreCheckedAgainstTheSource() throws {
        let (folder, _) = try Self.load(["en.yml": Self.english])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let source = ThemeLocales.load(folder: folder).locales["en"]!
        let template = "<a>{{t.common.back}}</a> {{t.question.load}}\n  {{{t.common.continue}}} {{t.commn.back}} {{#t.common.back}}x{{/t.common.back}}"
        let uses = InterfaceKeyUse.inTemplate(template, path: "templates/page.mustache")
        #expect(uses.map(\.key) == ["common.back", "question.load", "common.continue", "commn.back", "common.back"])
        #expect(uses.flatMap { $0.problems(in: source) }.map(\.description) == [
            "templates/page.mustache:1:30: error: 'question.load' has a link, so the template must insert it as HTML. write {{{t.question.load}}} with three braces",
            "templates/page.mustache:2:8: error: 'common.continue' has no link, so the template should insert it as text. write {{t.common.continue}} with two braces, so that its words are escaped",
            "templates/page.mustache:2:31: error: 'commn.back' is used here, but \(folder)/en.yml does not define it. did you mean 'common.back'? or add it to \(folder)/en.yml and every other locale file",
        ])
        let script = """
            h("p", {}, t("common.back"), plural("part-start.questions", 3), textList("date.months"));
            const x = split("not a key") + t(`priority.${id}`) + plural("common.back", 2) + t('question.progres');
            function t(key) { return plural(key, 1); }
            const y = t(`${group}.back`) + t(`common${id}`);
            """
        let scriptUses = InterfaceKeyUse.inScript(script, path: "assets/page.js")
        #expect(scriptUses.map(\.key).sorted() == ["common.back", "common.back", "date.months", "part-start.questions", "plural", "priority.",
                                                  "question.progres", "t", "t"])
        #expect(scriptUses.flatMap { $0.problems(in: source) }.map(\.description).sorted() == [
            "assets/page.js:2:35: error: keys starting 'priority.' are used here, but \(folder)/en.yml does not define any. add them to \(folder)/en.yml and every other locale file",
            "assets/page.js:2:62: error: 'common.back' is a string in \(folder)/en.yml, but this use needs a plural. write it in \(folder)/en.yml as one: ... and other: ...",
            "assets/page.js:2:84: error: 'question.progres' is used here, but \(folder)/en.yml does not define it. did you mean 'question.progress'? or add it to \(folder)/en.yml and every other locale file",
            "assets/page.js:3:33: error: plural() is given a key that is not written out, so the build cannot check it or send its words. write the key in quotes, as plural(\"group.key\", ...); for one of a family, plural(`group.${id}`)",
            "assets/page.js:4:13: error: t() is given a key that is not written out, so the build cannot check it or send its words. write the key in quotes, as t(\"group.key\", ...); for one of a family, t(`group.${id}`)",
            "assets/page.js:4:34: error: t() is given a key that is not written out, so the build cannot check it or send its words. write the key in quotes, as t(\"group.key\", ...); for one of a family, t(`group.${id}`)",
        ])
    }
}
