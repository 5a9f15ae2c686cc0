/** Styles of the 「整期目录」 page (on top of UI_CSS and PAGE_CSS). */
export const ISSUE_CSS = `
.issue { max-width: 46em; margin: 0 auto; padding: 1em; }
.issue-progress { display: flex; gap: .6em; align-items: center; margin: .5em 0; }
.issue-progress progress { flex: 1; }
.issue-page h2 { font-size: 1.05em; margin: 1.2em 0 .3em; border-bottom: 1px solid #ddd; }
.issue-page ol { margin: 0; padding-left: 1.6em; }
.issue-page li { margin: .2em 0; }
.issue-page li.read button.link { color: #777; }
.issue .link { background: none; border: 0; padding: 0; color: #1a4f8b; cursor: pointer; font: inherit; text-align: left; }
.issue .pages, .issue .count, .issue .mark, .issue .continued { color: #666; font-size: .9em; }
.issue .problem { color: #a33; }
.issue-reader nav { display: flex; gap: .5em; align-items: center; position: sticky; top: 0; background: #fff; padding: .4em 0; }
.issue-reader .hint, .issue-reader .meta { color: #666; font-size: .9em; }
.issue-reader p { line-height: 1.8; text-indent: 2em; }
.issue-reader p.meta, .issue-reader p.lead { text-indent: 0; }
`;
