import Testing
import ToolkitContent
import ToolkitModel

/// Reading a theme's locale file: groups become dotted keys, plural maps and lists are recognised, and
/// every key and string keeps its line and column.
struct LocaleReaderTests {
    static let file = """
        # A comment
        common:
          back: Back
          error-prefix: "Error:"
        report:
          actions:
            one: "{count} action"
            other: '{count} actions'
        date:
          months: [January, February]
        """

    @Test func readsGroupsPluralsAndListsWithTheirPlaces() throws {
        let (text, diagnostics) = LocaleReader.read(Self.file, path: "locales/en.yml", language: "en")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(text.language == "en")
        #expect(text.entries.keys.sorted() == ["common.back", "common.error-prefix", "date.months", "report.actions"])
        #expect(text.t("common.back") == "Back")
        #expect(text.plural("report.actions", count: 2) == "2 actions")
        #expect(text.list("date.months") == ["January", "February"])
        let back = try #require(text.entries["common.back"])
        #expect(back.location == SourceLocation(file: "locales/en.yml", line: 3, column: 3))
        // A quoted string's place is past its opening quote, so a column inside it counts from its first letter.
        guard case let .text(prefix)? = text.entries["common.error-prefix"]?.value else { Issue.record("not a string"); return }
        #expect(prefix.location == SourceLocation(file: "locales/en.yml", line: 4, column: 18))
        guard case let .plural(forms)? = text.entries["report.actions"]?.value else { Issue.record("not a plural"); return }
        #expect(forms[.other]?.location == SourceLocation(file: "locales/en.yml", line: 8, column: 13))
    }

    @Test func reportsYAMLErrorsAtTheirPlace() {
        let (_, diagnostics) = LocaleReader.read("common:\n  back: Back\n  next: [unclosed\n", path: "cy.yml", language: "cy")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.description.hasPrefix("cy.yml:4:1: error: the locale file is not valid YAML") == true,
                "\(diagnostics)")
    }

    @Test func reportsBadKeysDuplicatesAndEmptyStrings() {
        let text = "common:\n  Back: Back\n  back: Back\n  back: Again\n  next:\n  list: [a, [b]]\n"
        let (_, diagnostics) = LocaleReader.read(text, path: "en.yml", language: "en")
        #expect(diagnostics.map(\.description) == [
            "en.yml:2:3: error: 'Back' is not a key a locale file can use. write keys in lower case letters, digits and hyphens, like 'start-now'",
            "en.yml:4:3: error: the key 'common.back' is written twice (first at line 3). keep one of the two",
            "en.yml:5:8: error: 'common.next' has no text. write the words after the colon",
            "en.yml:6:13: error: 'common.list' should be a string, not a list or a group. write it as 'key: text'",
        ])
    }

    @Test func refusesAnchorsAndAliases() {
        let (_, diagnostics) = LocaleReader.read("a: &x Back\nb: *x\n", path: "en.yml", language: "en")
        #expect(diagnostics.first?.description.hasPrefix("en.yml:1:4: error: a locale file cannot use YAML anchors or aliases") == true,
                "\(diagnostics)")
    }

    @Test func aFileThatIsNotAMapIsReported() {
        let (_, diagnostics) = LocaleReader.read("- one\n- two\n", path: "en.yml", language: "en")
        #expect(diagnostics.first?.description.hasPrefix("en.yml:1:1: error: the locale file is not a list of keys and strings") == true)
    }
}
