/**
 * The UI's CSS, as strings: injected as <style> elements inside the shadow root (page CSS cannot
 * reach it, ours cannot leak out) and into the extension pages. `:host { all: initial }` stops the
 * page's inherited fonts and colours from crossing the shadow boundary. The overlay's rules ship in
 * the content script; the reader's ship with the reader kit, loaded on first use.
 */
export const OVERLAY_CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.ui { font: 14px/1.5 system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; color: #1d1d1f; }
button { font: inherit; cursor: pointer; border: 1px solid #b8b8c0; background: #fff; color: #1d1d1f; border-radius: 4px; padding: 2px 8px; }
button:hover { background: #f0f0f4; }
.outlines { position: absolute; overflow: visible; z-index: 2147483000; }
.outline polygon { fill: transparent; stroke: #c41e3a4d; stroke-width: 1; cursor: pointer; pointer-events: all; }
.outline text { fill: #c41e3a99; stroke: #fff; stroke-width: 3px; paint-order: stroke; font: bold 12px system-ui, sans-serif; pointer-events: none; }
.outline.lit polygon { fill: #c41e3a14; stroke: #c41e3a; stroke-width: 2; }
.outline.lit text { fill: #c41e3a; }
.block-panel { position: fixed; top: 12px; right: 12px; width: 300px; max-height: calc(100vh - 24px); overflow: auto;
  background: #fffffff7; border: 1px solid #d0d0d8; border-radius: 8px; box-shadow: 0 4px 16px #00000026;
  padding: 8px; z-index: 2147483001; }
.block-panel.collapsed { width: auto; }
.block-list { margin: 6px 0 0; padding: 0; list-style: none; }
.block-item { display: flex; gap: 6px; align-items: baseline; padding: 4px 6px; border-radius: 4px; cursor: pointer; }
.block-item.lit, .block-item[aria-current=true] { background: #fbe9ec; }
.block-item[aria-current=true] { outline: 2px solid #c41e3a; }
.block-num { color: #c41e3a; font-weight: bold; min-width: 1.5em; text-align: right; }
.block-title { flex: 1; color: inherit; text-decoration: none; }
.mark { font-size: 12px; color: #fff; background: #6b6b75; border-radius: 3px; padding: 0 4px; white-space: nowrap; }
.block-keys { margin: 6px 0 0; font-size: 12px; color: #6b6b75; }
.read-whole { position: fixed; right: 16px; bottom: 16px; z-index: 2147483001; padding: 8px 16px; font-size: 15px;
  background: #c41e3a; color: #fff; border: none; border-radius: 20px; box-shadow: 0 2px 8px #00000040; }
.read-whole:hover { background: #a3182f; }
.kit-failure { position: fixed; right: 16px; bottom: 64px; z-index: 2147483001; max-width: 360px; margin: 0; padding: 8px 12px;
  background: #fff6d6; color: #5c4400; border: 1px solid #d08c00; border-radius: 6px; }
`;

/** The reader view (panel in the page, and reader.html). */
export const READER_CSS = `
.panel { position: fixed; top: 0; right: 0; bottom: 0; width: min(760px, 100vw); overflow: auto; z-index: 2147483002;
  box-shadow: -4px 0 24px rgba(0,0,0,.25); }
.reader { display: block; min-height: 100%; padding: 16px 32px 48px; background: #fdfcf8; color: #1d1d1f; line-height: 1.8; }
.reader.theme-dark { background: #1c1c1e; color: #e6e6e6; }
.reader.theme-dark button { background: #2c2c2e; color: #e6e6e6; border-color: #48484a; }
.reader.theme-dark a { color: #8ab4f8; }
/* Chinese first: a Latin font ahead of the CJK ones (or a generic family standing in for a missing
   CJK serif) takes “” and …… and sets them half-width, hugging the characters. So every CJK font
   comes before the generic family, serif faces first, then CJK sans faces: a system without a CJK
   serif still gets full-width quotes from its CJK sans. lang="zh-CN" on the text picks the
   mainland forms of shared code points (Noto CJK's SC glyphs). */
.reader.font-serif { font-family: "Songti SC", "Noto Serif CJK SC", "Noto Serif SC", "Source Han Serif SC", "Source Han Serif CN", STSong, SimSun,
  "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", serif; }
.reader.font-sans { font-family: "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "Hiragino Sans GB", system-ui, sans-serif; }
/* The text column is --measure characters wide (settings.width) at any font size. */
.reader > :not(.reader-bar) { max-width: calc(var(--measure, 38) * 1em); margin-left: auto; margin-right: auto; }
.reader > .reader-problems { max-width: calc(var(--measure, 38) * 1em / .9); }
/* Justified, with CJK line breaking rules: no line starts with 「，。」）」 or ends with 「（“」. */
.reader-head, .reader-body { line-break: strict; word-break: normal; overflow-wrap: break-word; }
.reader-body .reader-p { text-align: justify; text-justify: inter-character; }
.reader-bar { display: flex; gap: 6px; flex-wrap: wrap; justify-content: flex-end; font-size: 13px; position: sticky; top: 0; padding: 4px 0;
  background: inherit; z-index: 1; border-bottom: 1px solid rgba(128,128,128,.2); }
.reader-settings { display: inline-flex; flex-wrap: wrap; gap: 4px; margin-right: auto; }
.reader-widths { display: inline-flex; gap: 0; }
.reader-widths button { border-radius: 0; margin-left: -1px; }
.reader-widths button:first-child { border-radius: 4px 0 0 4px; }
.reader-widths button:last-child { border-radius: 0 4px 4px 0; }
.reader-settings button[aria-pressed="true"] { background: #1d1d1f; color: #fff; border-color: #1d1d1f; }
.reader.theme-dark .reader-settings button[aria-pressed="true"] { background: #e6e6e6; color: #1c1c1e; }
.reader-progress { color: #6b6b75; font-size: .85em; }
.reader-handoff { font-size: .85em; }
.reader-handoff.error { color: #b00020; }
.reader-leadtitle, .reader-subtitle { margin: .3em 0; font-size: 1.05em; color: inherit; opacity: .85; }
.reader-title { margin: .2em 0; font-size: 1.6em; line-height: 1.35; }
.reader-bylines, .reader-meta { margin: .3em 0; font-size: .85em; opacity: .75; }
.reader-p { margin: .6em 0; text-indent: 2em; }
.reader-body .reader-p.kind-crosshead { text-indent: 0; font-weight: bold; text-align: start; }
.reader-body .reader-p.kind-caption, .reader-body .reader-p.kind-credit { text-indent: 0; font-size: .85em; opacity: .8; text-align: start; }
.reader-seam { text-align: center; margin: 1.2em 0; font-size: .85em; opacity: .7; }
.reader-figure { margin: 1em 0; text-align: center; }
.reader-figure img { max-width: 100%; height: auto; }
.reader-figure figcaption { font-size: .85em; opacity: .8; }
.reader-problems { margin: 1.5em 0 0; padding: 8px 12px 8px 28px; border-left: 3px solid #d08c00; background: rgba(208,140,0,.08); font-size: .9em; }
.reader-empty { opacity: .8; }
.reader-retry { font-size: .9em; padding: 0 6px; }
/* Reader highlights: boxes under the text (lib/extension/kit/capture/rect-layer.ts), not ::highlight(). */
.reader-body { position: relative; z-index: 0; }
.reader-marks { position: absolute; inset: 0; z-index: -1; pointer-events: none; }
.reader-marks > i { position: absolute; border-radius: 2px; }
/* A clipped paragraph: a bar in the margin; a highlight with a note: a dot at its end (as Hypothesis marks them). */
.reader-marks > i[data-mark="clip"] { background: #8a6d3b; opacity: .55; border-radius: 1px; }
.reader-marks > i[data-mark="note"] { width: 7px; height: 7px; border-radius: 50%; border: 1px solid rgba(0,0,0,.35); }
`;

/** Everything, for the extension pages. */
export const UI_CSS = OVERLAY_CSS + READER_CSS;

/** Extra rules for the extension pages (reader.html, popup.html). */
export const PAGE_CSS = `
body { margin: 0; }
.page .paste-reader { max-width: 860px; margin: 0 auto; padding: 16px; }
.paste-input textarea { width: 100%; font: 14px/1.6 monospace; }
.paste-label { display: block; font-weight: 600; margin: 8px 0 4px; }
.paste-input .file-button { position: relative; display: inline-block; border: 1px solid #b8b8c0; border-radius: 4px; padding: 1px 8px; cursor: pointer; }
.paste-input .file-button input { position: absolute; width: 1px; height: 1px; opacity: 0; overflow: hidden; }
.paste-input .file-button:focus-within { outline: 2px solid #1a4fa0; outline-offset: 1px; }
.article-list button { border: none; background: none; text-align: left; color: #1a4fa0; }
.article-list li[aria-current="true"] button { font-weight: bold; }
.popup { width: 320px; padding: 12px; }
.popup h1 { font-size: 16px; margin: 0 0 8px; }
.site-hint { font-size: 12px; color: #6b6b75; }
`;
