/** CSS of the library page and the popup's clip lists (strings, injected by the pages). */

/** Highlight colours as the page draws them (the swatches match). */
const COLORS = `
.swatch { display: inline-block; width: 14px; height: 14px; border-radius: 3px; border: 1px solid rgba(0,0,0,.2); vertical-align: middle; }
.color-yellow { background: #ffe066; } .color-green { background: #b2f2bb; } .color-blue { background: #a5d8ff; }
.color-pink { background: #fcc2d7; } .color-purple { background: #d0bfff; }
.muted { color: #6b6b75; font-size: 12px; }
mark { background: #ffe066; color: inherit; padding: 0; }
button.link { border: none; background: none; padding: 0; color: #1a4fa0; text-align: left; }
.kind-clip { display: inline-block; font-size: 11px; color: #fff; background: #6b6b75; border-radius: 3px; padding: 0 3px; height: 16px; line-height: 16px; }
`;

/** library.html. */
export const LIBRARY_CSS =
  COLORS +
  `
.library { max-width: 1100px; margin: 0 auto; padding: 8px 16px; }
.lib-head { display: flex; gap: 12px; align-items: center; }
.lib-head h1 { font-size: 18px; margin: 4px 0; }
.lib-search { flex: 1; font: inherit; padding: 4px 8px; }
.lib-filters, .lib-export, .lib-bulk { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin: 6px 0; font-size: 13px; }
.lib-filters select, .lib-filters input, .lib-export select { font: inherit; }
.color-filter { display: inline-flex; gap: 2px; }
.color-filter .swatch { width: 20px; height: 20px; text-align: center; }
.color-filter input { margin: 2px; }
.chip { border-radius: 10px; background: #eef; }
.file-button { border: 1px solid #b8b8c0; border-radius: 4px; padding: 2px 8px; cursor: pointer; }
.file-button input { position: absolute; width: 1px; height: 1px; opacity: 0; overflow: hidden; }
.file-button { position: relative; }
.file-button:focus-within { outline: 2px solid #1a4fa0; outline-offset: 1px; }
.lib-group { display: inline-flex; flex-wrap: wrap; gap: 6px; align-items: center; border: 1px solid #e0e0e6; border-radius: 4px; padding: 2px 8px 4px; margin: 0; }
.lib-group legend { font-size: 12px; color: #6b6b75; padding: 0 4px; }
.lib-empty-box { display: flex; gap: 8px; align-items: center; }
.editable-input.note { min-height: 3.2em; resize: vertical; font-size: 12px; white-space: pre-wrap; }
.editable.note-text { white-space: pre-line; }
@keyframes lib-flash { from { background: #ffe066; } to { background: transparent; } }
.lib-row.flash { animation: lib-flash 1.6s ease-out; }
.sep { flex: 0 0 12px; }
.lib-status.error { color: #b00020; }
.vlist { overflow-y: auto; position: relative; border-top: 1px solid #e0e0e6; contain: strict; }
.vspace { position: relative; }
.vrow { position: absolute; left: 0; right: 0; overflow: hidden; border-bottom: 1px solid #eee; }
.lib-row { display: flex; gap: 8px; padding: 6px 4px; height: 100%; box-sizing: border-box; }
.lib-row.selected { background: #f3f6ff; }
.lib-row .kind { flex: 0 0 auto; margin-top: 3px; }
.lib-row-body { flex: 1; min-width: 0; }
.lib-row-meta { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.lib-row-quote { display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; font-size: 13px; line-height: 1.45; }
.lib-row-edit { display: flex; gap: 8px; font-size: 12px; white-space: nowrap; overflow: hidden; }
.editable { border: none; background: none; padding: 0 2px; max-width: 60%; overflow: hidden; text-overflow: ellipsis; text-align: left; }
.editable.empty { color: #6b6b75; }
.editable-input { font: inherit; flex: 1; }
`;

/** The popup's article panel and recent clips. */
export const POPUP_LIBRARY_CSS =
  COLORS +
  `
.popup { width: 380px; }
.pop-section h2 { font-size: 13px; margin: 10px 0 4px; color: #444; }
.pop-list { list-style: none; margin: 0; padding: 0; max-height: 260px; overflow: auto; }
.pop-item { padding: 4px 0; border-bottom: 1px solid #eee; font-size: 13px; }
.pop-quote { display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden; }
.pop-tools { display: flex; gap: 4px; align-items: center; flex-wrap: wrap; margin-top: 2px; }
.pop-tools button { font-size: 12px; padding: 0 6px; }
.pop-colors button.swatch { padding: 0; }
.pop-colors button[aria-pressed="true"] { outline: 2px solid #1d1d1f; }
.pop-note { width: 100%; font: inherit; font-size: 12px; }
.pop-status { font-size: 12px; color: #6b6b75; }
.pop-status.error { color: #b00020; }
.pop-group { padding: 4px 0; border-bottom: 1px solid #eee; font-size: 12px; }
.pop-group-title { font-size: 13px; }
`;
