/** CSS of the capture UI inside the shadow root (toolbar, orphan list); highlight colours come from the painter. */
export const CAPTURE_CSS = `
.capture-toolbar { position: fixed; z-index: 2147483003; display: flex; flex-direction: column; gap: 4px;
  padding: 4px 6px; background: #fff; border: 1px solid #c8c8d0; border-radius: 6px;
  box-shadow: 0 2px 10px rgba(0,0,0,.18); font: 13px/1.4 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; color: #1d1d1f; }
.capture-row { display: flex; flex-wrap: nowrap; gap: 4px; align-items: center; white-space: nowrap; }
.capture-toolbar button { flex: none; font: inherit; }
.capture-toolbar .swatch { width: 20px; height: 20px; padding: 0; border-radius: 50%; border: 1px solid rgba(0,0,0,.25); }
.capture-toolbar .swatch[aria-pressed="true"] { outline: 2px solid #1d1d1f; }
.capture-note { display: flex; flex-direction: column; gap: 4px; width: 100%; min-width: 240px; }
.capture-note textarea, .capture-note input { width: 100%; box-sizing: border-box; font: inherit; }
.capture-status { margin: 0; width: 100%; font-size: 12px; color: #2a6b2a; }
.capture-status.error { color: #b00020; }
.orphans { position: fixed; left: 12px; bottom: 12px; z-index: 2147483002; max-width: 360px; max-height: 40vh; overflow: auto;
  background: #fffbe6; border: 1px solid #e0c860; border-radius: 6px; padding: 4px 8px; font: 13px/1.5 system-ui, sans-serif; color: #1d1d1f; }
.orphans ul { margin: 4px 0; padding-left: 18px; }
.orphan q { quotes: "「" "」"; }
.orphan-note { display: block; color: #6b6b75; font-size: 12px; }
`;
