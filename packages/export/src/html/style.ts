/*
 * The page's only style sheet, inline: the export is one offline file, so nothing is fetched (no
 * fonts, no images, no scripts). System fonts with Vietnamese coverage.
 */
export const PAGE_CSS = `
:root { --ink: #1b1f24; --muted: #57606a; --line: #d0d7de; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.55 "Times New Roman", "Noto Serif", "DejaVu Serif", serif; color: var(--ink); background: #f6f8fa; }
.page-header { padding: 1rem 1.5rem; background: #fff; border-bottom: 1px solid var(--line); }
.page-header h1 { margin: 0 0 .25rem; font-size: 1.4rem; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: .5rem 0 0; font-size: .9rem; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr) 20rem; gap: 1rem; padding: 1rem 1.5rem; }
.layout > * { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .75rem 1rem; }
.tasks { grid-column: 1 / -1; overflow-x: auto; }
h2 { font-size: 1.1rem; margin: .25rem 0 .75rem; }
.doc-text { white-space: pre-wrap; overflow-wrap: anywhere; }
.page-break { display: block; text-align: center; color: var(--muted); border-top: 1px dashed var(--line); margin: .75rem 0; font-size: .8rem; }
.page-break::before { content: "Trang " attr(data-page); }
.legend > * { margin-right: .6rem; }
.corr { text-decoration: none; border-radius: 2px; padding: 0 1px; cursor: help; }
ins.corr { border-bottom: 2px solid; }
mark.corr { background: none; border-bottom: 2px dotted; }
del.corr { text-decoration: line-through; color: #8c959f; }
.c-high { background: #dafbe1; border-color: #1a7f37; }
.c-mid { background: #fff8c5; border-color: #9a6700; }
.c-low { background: #ffebe9; border-color: #cf222e; }
.k-task { background: rgba(84, 174, 255, .10); }
.k-lead { font-weight: bold; color: #0550ae; }
.k-coordinator { color: #0550ae; text-decoration: underline dotted; }
.k-deadline, .k-recurrence { color: #8250df; font-weight: bold; }
.k-target { background: rgba(130, 80, 223, .10); }
.k-reference { font-style: normal; color: #953800; text-decoration: underline; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; vertical-align: top; text-align: left; }
th { background: #f6f8fa; }
.messages { list-style: none; padding: 0; margin: 0; font-size: .9rem; }
.messages li { padding: .3rem 0; border-bottom: 1px solid var(--line); }
.m-error { color: #cf222e; }
.m-warning { color: #9a6700; }
.m-info { color: var(--muted); }
code { font-size: .85em; }
@media (max-width: 60rem) { .layout { grid-template-columns: 1fr; } }
@media print { body { background: #fff; } .layout { display: block; } .layout > * { border: 0; } }
`.trim();
