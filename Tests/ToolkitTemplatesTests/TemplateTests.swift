import Testing
@testable import ToolkitTemplates

/// The page `template` makes from `values`, with `partials` to include.
func render(_ template: String, _ values: TemplateValue = [:], partials: [String: String] = [:]) -> String {
    var library = TemplateLibrary()
    for (name, text) in partials.merging(["page": template]) { $1 } {
        guard case let .success(parsed) = Template.parse(text) else { return "<cannot parse \(name)>" }
        library.add(parsed, named: name)
    }
    return String(decoding: library.render("page", with: values) ?? [], as: UTF8.self)
}

/// The problems found in `template`, as "line:column: message. fix".
func problems(_ template: String) -> [String] {
    guard case let .failure(found) = Template.parse(template) else { return [] }
    return found.errors.map(\.description)
}

struct ValueTests {
    @Test func aValueIsEscapedForHTMLUnlessInTripleBracesOrAfterAnAmpersand() {
        let values: TemplateValue = ["x": "<a href=\"#\">Tom & Jerry's</a>"]
        #expect(render("{{x}}", values) == "&lt;a href=&quot;#&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect(render("{{{x}}}|{{& x}}", values) == "<a href=\"#\">Tom & Jerry's</a>|<a href=\"#\">Tom & Jerry's</a>")
    }

    @Test func numbersAndTruthValuesAreWrittenAsWords() {
        #expect(render("{{n}} {{yes}} {{no}}", ["n": 42, "yes": true, "no": false]) == "42 true false")
    }

    @Test func aMissingValueWritesNothing() {
        #expect(render("[{{missing}}][{{a.b.c}}]", ["a": ["b": "not an object"]]) == "[][]")
    }

    @Test func aDottedNameLooksInsideTheFirstPartFound() {
        let values: TemplateValue = ["t": ["common": ["back": "Back"]], "common": ["back": "wrong"]]
        #expect(render("{{t.common.back}}", values) == "Back")
        // The first part is found from the innermost value out; the rest only inside it.
        #expect(render("{{#inner}}{{t.common.back}}{{/inner}}", values.merging(["inner": ["t": ["other": "x"]]])) == "")
    }

    @Test func namesAreFoundFromTheInnermostValueOut() {
        let values: TemplateValue = ["root": "../", "title": "Outer", "items": [["title": "One"], ["title": "Two"]]]
        #expect(render("{{#items}}{{root}}{{title}};{{/items}}{{title}}", values) == "../One;../Two;Outer")
    }

    @Test func aDotIsTheValueItself() {
        #expect(render("{{#names}}<{{.}}>{{/names}}", ["names": ["a", "b&c"]]) == "<a><b&amp;c>")
    }

    @Test func textWithCharactersBeyondASCIIIsWrittenWhole() {
        #expect(render("{{w}}", ["w": "Cymraeg – ŵ ŷ 😀 <"]) == "Cymraeg – ŵ ŷ 😀 &lt;")
    }
}

struct SectionTests {
    @Test func aSectionShowsForTrueAnyTextANumberAndAnObject() {
        #expect(render("{{#a}}A{{/a}}{{#b}}B{{/b}}{{#c}}C{{/c}}{{#d}}D{{/d}}{{#e}}E{{/e}}",
                       ["a": true, "b": "", "c": "text", "d": 0, "e": ["k": "v"]]) == "ABCDE")
    }

    @Test func aSectionDoesNotShowForFalseAnEmptyListOrNothing() {
        #expect(render("{{#a}}A{{/a}}{{#b}}B{{/b}}{{#c}}C{{/c}}", ["a": false, "b": []]) == "")
    }

    @Test func anInvertedSectionShowsExactlyWhenTheSectionWouldNot() {
        let values: TemplateValue = ["yes": true, "no": false, "none": [], "some": [1], "text": ""]
        #expect(render("{{^yes}}1{{/yes}}{{^no}}2{{/no}}{{^none}}3{{/none}}{{^some}}4{{/some}}{{^text}}5{{/text}}{{^missing}}6{{/missing}}", values)
                == "236")
    }

    @Test func aSectionOverTextSeesTheTextAsItsValueAndTheOuterValuesByName() {
        #expect(render("{{#lang}} lang=\"{{lang}}\" {{.}} {{other}}{{/lang}}", ["lang": "en-GB", "other": "o"]) == " lang=\"en-GB\" en-GB o")
    }

    @Test func aListMadeWhenRenderedMakesEachItemAsItIsReached() {
        var made: [Int] = []
        let list = TemplateValue.madeWhenRendered([1, 2, 3]) { number -> TemplateValue in
            made.append(number)
            return ["n": .number(number)]
        }
        #expect(render("{{#items}}{{n}},{{/items}}{{^items}}none{{/items}}", ["items": list]) == "1,2,3,")
        #expect(made == [1, 2, 3])
        #expect(render("{{#items}}x{{/items}}{{^items}}none{{/items}}", ["items": .madeWhenRendered([Int]()) { _ in true }]) == "none")
    }

    @Test func sectionsNest() {
        let values: TemplateValue = ["parts": [["title": "P1", "qs": [["q": "a"], ["q": "b"]]], ["title": "P2", "qs": []]]]
        #expect(render("{{#parts}}[{{title}}:{{#qs}}{{q}}{{/qs}}{{^qs}}-{{/qs}}]{{/parts}}", values) == "[P1:ab][P2:-]")
    }
}

struct StandaloneLineTests {
    @Test func aSectionTagAloneOnItsLineTakesItsLineWithIt() {
        let template = "<ul>\n  {{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n</ul>\n"
        #expect(render(template, ["items": ["a", "b"]]) == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
    }

    @Test func aTagSharingItsLineWithTextKeepsTheLine() {
        #expect(render("  {{#a}}x{{/a}}\n", ["a": true]) == "  x\n")
        #expect(render(" {{v}}\n", ["v": "1"]) == " 1\n")
    }

    @Test func twoTagsOnOneLineAreNotAlone() {
        #expect(render("{{#a}}{{/a}}\nnext", ["a": true]) == "\nnext")
    }

    @Test func commentsAndDelimiterChangesAloneOnTheirLinesVanish() {
        #expect(render("a\n  {{! a comment\n  over two lines }}  \nb\n{{=<% %>=}}\n<%v%>\n", ["v": "c"]) == "a\nb\nc\n")
    }

    @Test func aTagAloneOnTheLastLineWithoutANewlineVanishes() {
        #expect(render("a\n{{#b}}\nb\n{{/b}}", ["b": true]) == "a\nb\n")
    }

    @Test func windowsLineEndsAreTakenToo() {
        #expect(render("a\r\n{{#b}}\r\nb\r\n{{/b}}\r\n", ["b": true]) == "a\r\nb\r\n")
    }

    @Test func aPartialAloneOnItsLineIsIndentedAsItsTag() {
        let partials = ["list": "<li>{{one}}</li>\n<li>{{two}}</li>\n"]
        #expect(render("<ul>\n    {{> list}}\n</ul>\n", ["one": "1", "two": "2"], partials: partials)
                == "<ul>\n    <li>1</li>\n    <li>2</li>\n</ul>\n")
        // Not alone: included where it stands, unindented.
        #expect(render("<ul>{{> list}}</ul>", ["one": "1", "two": "2"], partials: partials) == "<ul><li>1</li>\n<li>2</li>\n</ul>")
    }

    @Test func aPartialSeesThePagesValuesAndAMissingOneWritesNothing() {
        #expect(render("{{#user}}{{> name}}{{/user}}|{{> nowhere}}", ["user": ["name": "Ann"]], partials: ["name": "Hello {{name}}"])
                == "Hello Ann|")
    }
}

struct TemplateProblemTests {
    @Test func anUnclosedSectionIsFoundAtItsTag() {
        #expect(problems("<p>\n  {{#items}}\n{{title}}\n") == ["2:3: the section {{#items}} is not closed. close it with {{/items}}"])
    }

    @Test func aCloseThatDoesNotMatchNamesTheOpenSection() {
        #expect(problems("{{#a}}\n{{#b}}{{/a}}{{/b}}{{/a}}") == [
            "2:7: {{/a}} closes a section, but the section open here is {{#b}} from line 2. close {{#b}} first with {{/b}}",
        ])
        #expect(problems("x {{/stray}}") == ["1:3: {{/stray}} closes a section that is not open. remove it, or open the section with {{#stray}}"])
    }

    @Test func everyProblemIsReportedNotJustTheFirst() {
        #expect(problems("{{/x}}\n{{a b}}\n{{upper(name)}}\n{{#open}}") == [
            "2:1: the name 'a b' has a space in it. a tag holds one name, such as {{title}} or {{t.common.back}}",
            "3:1: the toolkit's templates have no transforms, such as 'uppercased(name)'. make the value you need in Swift (theme/README.md lists every value), and write {{name}}",
            "1:1: {{/x}} closes a section that is not open. remove it, or open the section with {{#x}}",
            "4:1: the section {{#open}} is not closed. close it with {{/open}}",
        ])
    }

    @Test func aTagWithNoEndIsFoundAtItsStartCountingCharactersNotBytes() {
        #expect(problems("ŵŷ {{title\nmore") == ["1:4: the tag is not closed. end it with }}"])
        #expect(problems("{{{html}}") == ["1:1: the tag is not closed. end it with }}}"])
    }

    @Test func whatTheToolkitsTemplatesDoNotDoIsAnErrorWithAWayOut() {
        #expect(problems("{{< parent}}{{/parent}}").first == "1:1: the toolkit's templates do not inherit from parent templates ({{< name}} and {{$ block}}). include the shared parts with partials, {{> name}}")
        #expect(problems("{{> *dynamic}}") == ["1:1: a partial's name cannot come from a value ({{> *name}}). name the template to include: {{> name}}"])
        #expect(problems("{{}}") == ["1:1: the tag has no name. write the value's name inside the braces"])
        #expect(problems("{{a..b}}") == ["1:1: the name 'a..b' has an empty part. write the parts of a name with one dot between them, such as {{t.common.back}}"])
        #expect(problems("{{=<%>=}}") == ["1:1: the tag that changes the delimiters is not of the form {{=<% %>=}}. give the new opening and closing delimiters, with a space between them"])
    }

    @Test func partialsAreListedWithTheirPlacesPastCommentsAndChangedDelimiters() throws {
        let template = "{{! {{> commented }} }}\n{{>header}} x\n{{=<% %>=}}\n<%> footer %> {{> old}}\n<%={{ }}=%>ŵ{{> last}}"
        guard case let .success(parsed) = Template.parse(template) else { Issue.record("did not parse"); return }
        #expect(parsed.partials.map { "\($0.name)@\($0.line):\($0.column)" } == ["header@2:1", "footer@4:1", "last@5:13"])
    }
}
