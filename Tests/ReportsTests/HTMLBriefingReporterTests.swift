import Foundation
import Reports
import RubricModel
import Scoring
import Testing

@Suite("HTML briefing")
struct HTMLBriefingReporterTests {
    // MARK: - Golden file

    @Test("German briefing matches the golden file")
    func goldenGerman() throws {
        let (briefing, rubric) = try HTMLFixtures.briefing()
        let html = HTMLBriefingReporter().render(briefing, context: HTMLFixtures.context("de", rubric: rubric))
        HTMLFixtures.preview(html, name: "fixture-de.html")
        Golden.check(html, named: "html/briefing-de.html")
    }

    @Test("Rendering the same briefing twice gives identical bytes", arguments: ["de", "en"])
    func deterministic(language: String) throws {
        let (first, rubric) = try HTMLFixtures.briefing()
        let (second, _) = try HTMLFixtures.briefing()
        let context = HTMLFixtures.context(language, rubric: rubric)
        let a = HTMLBriefingReporter().render(first, context: context)
        let b = HTMLBriefingReporter().render(second, context: context)
        #expect(Array(a.utf8) == Array(b.utf8))
    }

    @Test func identifier() {
        #expect(HTMLBriefingReporter.identifier == "html")
    }

    // MARK: - Well-formed and self-contained

    @Test("Fixture briefing is well-formed and self-contained", arguments: ["de", "en"])
    func wellFormedFixture(language: String) throws {
        let (briefing, rubric) = try HTMLFixtures.briefing()
        let html = HTMLBriefingReporter().render(briefing, context: HTMLFixtures.context(language, rubric: rubric))
        HTMLFixtures.preview(html, name: "fixture-\(language).html")
        expectWellFormed(html)
    }

    @Test("First-round briefing (no previous round) is well-formed", arguments: ["de", "en"])
    func wellFormedFirstRound(language: String) throws {
        let (briefing, rubric) = try HTMLFixtures.briefing(withPrevious: false)
        let html = HTMLBriefingReporter().render(briefing, context: HTMLFixtures.context(language, rubric: rubric))
        HTMLFixtures.preview(html, name: "first-round-\(language).html")
        expectWellFormed(html)
        let b = Labels(language: language).briefing
        #expect(html.contains(HTMLEscaping.escape(b.noPreviousRound)))
        // Without a previous round there is no previous series in the radar legend.
        #expect(!html.contains(HTMLEscaping.escape(Labels(language: language).html.previousRound(1))))
    }

    @Test("Briefings sampled from the shipped rubric are well-formed", arguments: [UInt64(1), 7, 42])
    func wellFormedShippedRubric(seed: UInt64) throws {
        let rubric = try HTMLFixtures.rubric(at: HTMLFixtures.repository.appendingPathComponent("rubrics").path)
        let briefing = HTMLFixtures.sampledBriefing(rubric: rubric, seed: seed)
        for language in rubric.languages {
            let html = HTMLBriefingReporter().render(briefing, context: HTMLFixtures.context(language, rubric: rubric))
            HTMLFixtures.preview(html, name: "shipped-\(seed)-\(language).html")
            expectWellFormed(html)
            for dimension in rubric.dimensions {
                #expect(html.contains(HTMLEscaping.escape(dimension.title.text(language))))
            }
        }
    }

    func expectWellFormed(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(Markup.problems(html) == [], sourceLocation: sourceLocation)
        #expect(!html.contains("http://"), sourceLocation: sourceLocation)
        #expect(!html.contains("https://"), sourceLocation: sourceLocation)
        #expect(!html.contains("<script"), sourceLocation: sourceLocation)
        #expect(!html.contains("<link"), sourceLocation: sourceLocation)
        #expect(!html.contains("<img"), sourceLocation: sourceLocation)
        #expect(!html.contains("url("), sourceLocation: sourceLocation)
        #expect(!html.contains("@import"), sourceLocation: sourceLocation)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\""), sourceLocation: sourceLocation)
        #expect(html.contains("<meta charset=\"utf-8\">"), sourceLocation: sourceLocation)
        #expect(html.contains("@page { size: A4; margin: 15mm; }"), sourceLocation: sourceLocation)
        let svgs = Markup.svgElements(html)
        #expect(svgs.count >= 2, sourceLocation: sourceLocation)
        for svg in svgs {
            #expect(Markup.pointsOutsideViewBox(svg) == [], sourceLocation: sourceLocation)
        }
    }

    // MARK: - Content

    @Test("The lang attribute follows the report language", arguments: ["de", "en"])
    func language(language: String) throws {
        let (briefing, rubric) = try HTMLFixtures.briefing()
        let html = HTMLBriefingReporter().render(briefing, context: HTMLFixtures.context(language, rubric: rubric))
        #expect(html.contains("<html lang=\"\(language)\">"))
        let b = Labels(language: language).briefing
        #expect(html.contains(HTMLEscaping.escape(b.agenda(day: 3))))
        #expect(html.contains(HTMLEscaping.escape(b.homework)))
    }

    @Test("Every section of the briefing is there, with its facts")
    func content() throws {
        let (briefing, rubric) = try HTMLFixtures.briefing()
        let context = HTMLFixtures.context("de", rubric: rubric)
        let html = HTMLBriefingReporter().render(briefing, context: context)
        let a = briefing.assessment
        // Header
        #expect(html.contains("<h1>Stadtbibliothek Auental</h1>"))
        #expect(html.contains("10.03.2026"))
        #expect(html.contains("Bibliotheksleitung (Petra Lang), Social-Media-Team (Jonas Weber)"))
        #expect(html.contains(String(a.stamp.rubricHash.prefix(12))))
        #expect(html.contains("Engine \(a.stamp.engineVersion)"))
        // Levels with reasons
        for result in a.dimensions {
            #expect(html.contains(HTMLEscaping.escape(context.levelReason(result))))
        }
        #expect(html.contains(HTMLEscaping.escape(context.overallReason(a.overall, dimensions: a.dimensions))))
        // Changes, follow-ups, disagreements, next-level paths, consistency
        #expect(!briefing.improved.isEmpty && !briefing.worsened.isEmpty)
        for change in briefing.improved + briefing.worsened {
            #expect(html.contains(HTMLEscaping.escape(context.describe(change.previous, questionID: change.questionID))))
        }
        #expect(briefing.followUps.contains { $0.resolved } && briefing.followUps.contains { !$0.resolved })
        #expect(html.contains("Erledigt") && html.contains("Noch offen"))
        let topic = try #require(briefing.disagreements.first)
        #expect(html.contains(HTMLEscaping.escape(context.questionText(topic.questionID))))
        for path in briefing.nextLevelPaths {
            for change in path.changes { #expect(html.contains(HTMLEscaping.escape(context.questionText(change.questionID)))) }
        }
        let finding = try #require(a.consistency.first)
        #expect(html.contains(HTMLEscaping.escape(finding.message.text("de"))))
        // Agenda with clock times, lunch, legal note with review date, homework and left-out reasons
        let first = try #require(briefing.agenda.items.first)
        #expect(first.startMinute == 0)
        #expect(html.contains("09:00–"))
        let lunch = try #require(briefing.agenda.lunchStartMinute)
        #expect(html.contains("\(Format.clock(minutesAfterStart: lunch))–\(Format.clock(minutesAfterStart: lunch + Agenda.lunchMinutes))"))
        #expect(html.contains("Mittagspause"))
        #expect(html.contains("Stand: 01.11.2026"))
        #expect(html.contains("Facebook-Fanpages – Rechtslage umstritten"))
        for item in briefing.agenda.homework + briefing.agenda.items {
            #expect(html.contains(HTMLEscaping.escape(context.recommendationTitle(item.recommendationID))))
        }
        #expect(!briefing.agenda.leftOut.isEmpty)
        #expect(html.contains("keine Zeit mehr im Tagesbudget"))
        // Rubric text with markup characters is escaped.
        #expect(html.contains("(mehr als &lt;1 h im Monat)"))
        #expect(!html.contains("(mehr als <1 h im Monat)"))
    }

    @Test("Library and respondent names with markup characters are escaped everywhere")
    func escaping() throws {
        let rubric = try HTMLFixtures.fixtureRubric()
        let library = LibraryInfo(id: "ab", name: "Bücherei \"A&B\" <Test>")
        let briefing = HTMLFixtures.sampledBriefing(rubric: rubric, seed: 3, library: library, names: ("O'Brien & Co", "<script>alert(1)</script>"))
        for language in ["de", "en"] {
            let html = HTMLBriefingReporter().render(briefing, context: HTMLFixtures.context(language, rubric: rubric))
            #expect(html.contains("<h1>Bücherei &quot;A&amp;B&quot; &lt;Test&gt;</h1>"))
            #expect(html.contains("<title>Briefing: Bücherei &quot;A&amp;B&quot; &lt;Test&gt;</title>"))
            #expect(!html.contains("\"A&B\""))
            #expect(!html.contains("<Test>"))
            #expect(html.contains("O&#39;Brien &amp; Co"))
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!html.contains("<script"))
            #expect(Markup.problems(html) == [])
        }
    }

    @Test func escapingHelper() {
        #expect(HTMLEscaping.escape("Bücherei \"A&B\" <Test> 'x'") == "Bücherei &quot;A&amp;B&quot; &lt;Test&gt; &#39;x&#39;")
        #expect(HTMLEscaping.escapeMultiline("a<\nb") == "a&lt;<br>b")
    }

    @Test("The tag-balance checker catches broken markup")
    func checkerCatchesProblems() {
        #expect(Markup.problems("<p>fine <b>bold</b><br></p>") == [])
        #expect(!Markup.problems("<p><b>unclosed</p>").isEmpty)
        #expect(!Markup.problems("<div>a < b</div>").isEmpty)
        #expect(!Markup.problems("<p>A&B</p>").isEmpty)
        #expect(!Markup.problems("<td colspan=3>x</td>").isEmpty)
        #expect(!Markup.problems("<p>x").isEmpty)
    }
}

@Suite("HTML document shell")
struct HTMLDocumentTests {
    @Test func shell() {
        let html = HTMLDocument(title: "A & B", language: "en", body: "<p>x</p>", extraCSS: ".x { color: red; }").render()
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"))
        #expect(html.contains("<title>A &amp; B</title>"))
        #expect(html.contains(".x { color: red; }\n</style>"))
        #expect(html.hasSuffix("<p>x</p>\n</body>\n</html>\n"))
        #expect(Markup.problems(html) == [])
    }

    @Test("The style sheet prints on A4 and keeps rows and headings together")
    func printRules() {
        let css = HTMLDocument.baseCSS
        #expect(css.contains("@page { size: A4; margin: 15mm; }"))
        #expect(css.contains("@media print"))
        #expect(css.contains("break-inside: avoid"))
        #expect(css.contains("break-after: avoid"))
        #expect(css.contains("display: table-header-group"))
        for level in 1...5 { #expect(css.contains(".badge.level-\(level) { background: \(levelColor(level));")) }
        #expect(!css.contains("http"))
        #expect(!css.contains("@font-face"))
    }
}
