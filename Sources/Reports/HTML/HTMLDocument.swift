/// The shell of every self-contained HTML report: doctype, `lang`, UTF-8, a viewport, the title and one
/// embedded style sheet. No network: no external fonts, scripts, style sheets or images.
///
/// The style sheet (``HTMLDocument/baseCSS``) offers these classes to the body:
/// - layout: `document` (centred page column), `kicker`, `subtitle`, `muted`, `small`, `keep` (never split
///   across printed pages), `page-break` (start a new printed page), `grid-2` (two columns on screen);
/// - facts: `dl.facts` (term/value grid);
/// - tables: `table.data` with `th.num`/`td.num` for right-aligned numbers and `tr.reason-row` for a full-width
///   explanation row under a data row; `tr.break` for an inline break row (lunch);
/// - levels: `badge level-1` … `badge level-5` (colours of ``levelColor(_:)-(Int)``), `mark`, `mark provisional`,
///   `mark borderline`, `mark gate`, `mark ok`, `mark open`;
/// - charts: `div.charts` of `figure.chart`: side by side on screen (shrunk to fit), one below the other at
///   natural size when printed or on narrow screens;
/// - notes: `div.note`, `div.warning`, `div.legal`;
/// - `footer.document-footer`.
///
/// Print: A4 with 15 mm margins, headings kept with what follows, table rows and `keep` blocks not split,
/// table headers repeated on each page, colours printed as on screen.
public struct HTMLDocument: Sendable {
    public var title: String
    /// The `lang` attribute, e.g. `de`.
    public var language: String
    /// Ready-made HTML put inside `<body>`.
    public var body: String
    /// More CSS appended after ``baseCSS``.
    public var extraCSS: String

    public init(title: String, language: String, body: String, extraCSS: String = "") {
        self.title = title
        self.language = language
        self.body = body
        self.extraCSS = extraCSS
    }

    /// The complete document, ending in a newline.
    public func render() -> String {
        var html = "<!DOCTYPE html>\n"
        html += "<html lang=\"\(HTMLEscaping.escape(language))\">\n<head>\n"
        html += "<meta charset=\"utf-8\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<title>\(HTMLEscaping.escape(title))</title>\n"
        html += "<style>\n\(Self.baseCSS)\(extraCSS.isEmpty ? "" : extraCSS + "\n")</style>\n"
        html += "</head>\n<body>\n"
        html += body
        if !body.hasSuffix("\n") { html += "\n" }
        html += "</body>\n</html>\n"
        return html
    }

    /// The shared style sheet (see the type's documentation for its classes).
    public static let baseCSS: String = {
        var css = """
            :root { --ink: #1a1a1a; --muted: #555b64; --line: #d3d8df; --head: #eef2f7; --accent: #225ea8;
              --warn-bg: #fff3dc; --warn: #7a4300; --ok: #1d6b3a; --open: #8f2d1f; --target: #c75000; }
            * { box-sizing: border-box; }
            html { font-family: \(SVG.fontFamily);
              font-size: 15px; line-height: 1.45; color: var(--ink); background: #ffffff; }
            body { margin: 0; }
            .document { max-width: 1100px; margin: 0 auto; padding: 24px 32px 40px; }
            h1 { font-size: 1.75rem; line-height: 1.2; margin: .1rem 0 .5rem; }
            h2 { font-size: 1.3rem; margin: 1.8rem 0 .6rem; padding-bottom: .2rem; border-bottom: 2px solid var(--accent);
              break-after: avoid; page-break-after: avoid; }
            h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; break-after: avoid; page-break-after: avoid; }
            p { margin: .4rem 0; }
            ul { margin: .3rem 0; padding-left: 1.3rem; }
            li { margin: .1rem 0; }
            .kicker { text-transform: uppercase; letter-spacing: .06em; font-size: .8rem; color: var(--muted); margin: 0; }
            .subtitle, .muted { color: var(--muted); }
            .small { font-size: .85rem; }
            dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1.2rem; margin: .6rem 0 1rem; }
            dl.facts dt { font-weight: 600; }
            dl.facts dd { margin: 0; }
            .grid-2 { display: grid; grid-template-columns: 1fr 1fr; gap: 0 2rem; }
            table.data { width: 100%; border-collapse: collapse; margin: .4rem 0 1rem; font-size: .92rem; }
            table.data th, table.data td { text-align: left; vertical-align: top; padding: .35rem .5rem;
              border-bottom: 1px solid var(--line); }
            table.data thead th { background: var(--head); font-weight: 600; border-bottom: 2px solid var(--line); }
            table.data .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
            table.data .nowrap { white-space: nowrap; }
            table.data tr.has-reason td { border-bottom: none; padding-bottom: .1rem; }
            table.data tr.reason-row td { color: var(--muted); font-size: .85rem; padding-top: 0; }
            table.data tr.break td { background: #f6f7f9; font-style: italic; color: var(--muted); }
            table.data tr.group th { background: #f2f6fb; color: var(--accent); font-size: .95rem; padding-top: .5rem;
              border-bottom: 1px solid var(--accent); break-after: avoid; page-break-after: avoid; }
            table.data tr.total td { font-weight: 600; border-top: 2px solid var(--ink); }
            thead { display: table-header-group; }
            tr, li, figure, .keep, .note, .warning, .legal { break-inside: avoid; page-break-inside: avoid; }
            tbody.keep { break-inside: avoid; page-break-inside: avoid; }
            .badge { display: inline-block; padding: .05rem .5rem; border-radius: .75rem; font-weight: 600;
              white-space: nowrap; font-size: .85rem; border: 1px solid rgba(0, 0, 0, .25); }
            .mark { display: inline-block; padding: 0 .4rem; margin: .05rem .2rem .05rem 0; border-radius: .25rem;
              font-size: .8rem; white-space: nowrap; border: 1px solid var(--line); background: #f4f5f7; }
            .mark.provisional, .mark.borderline, .mark.gate { background: var(--warn-bg); color: var(--warn); border-color: #e6c48a; }
            .mark.ok { background: #e5f4ea; color: var(--ok); border-color: #a9d5b8; }
            .mark.open { background: #fbe9e6; color: var(--open); border-color: #e4b1a8; }
            .charts { display: flex; flex-wrap: nowrap; gap: 16px 40px; align-items: flex-start; margin: .6rem 0 1rem; }
            figure.chart { margin: 0; }
            .charts figure.chart { flex: 0 1 auto; min-width: 0; }
            figure.chart svg { display: block; max-width: 100%; height: auto; overflow: visible; }
            figure.chart figcaption { font-size: .85rem; color: var(--muted); margin-top: .3rem; width: 0; min-width: 100%; }
            td svg { display: block; }
            .note, .warning, .legal { padding: .45rem .75rem; margin: .5rem 0; border-radius: .2rem; }
            .note { background: #f4f6f9; border-left: 4px solid var(--accent); }
            .warning { background: var(--warn-bg); border-left: 4px solid #d08a00; }
            .legal { background: #f7f4fb; border-left: 4px solid #6a4c93; }
            .legal .title { font-weight: 600; }
            footer.document-footer { margin-top: 2.2rem; padding-top: .5rem; border-top: 1px solid var(--line);
              font-size: .8rem; color: var(--muted); }
            .page-break { break-before: page; page-break-before: always; }
            @page { size: A4; margin: 15mm; }
            @media screen and (max-width: 900px) { .charts { flex-wrap: wrap; } }
            @media screen and (max-width: 720px) {
              .document { padding: 16px; }
              .grid-2 { grid-template-columns: 1fr; }
            }
            @media print {
              html { font-size: 9.5pt; }
              .document { max-width: none; padding: 0; }
              * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
              h2 { margin-top: 1.2rem; }
              .charts { gap: 8px 24px; flex-wrap: wrap; }
            }

            """
        for level in 1...5 {
            css += ".badge.level-\(level) { background: \(levelColor(level)); color: \(levelTextColor(level)); }\n"
        }
        return css
    }()
}
