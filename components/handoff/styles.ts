/** The handoff bar's styles (library page and popup), beside LIBRARY_CSS / POPUP_LIBRARY_CSS. */
export const HANDOFF_CSS = `
.handoff { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin: 6px 0; font-size: 13px; }
.handoff-hint { flex-basis: 100%; }
.handoff-settings summary { cursor: pointer; }
.handoff-settings label { white-space: nowrap; }
.handoff-settings input, .handoff-settings select { font: inherit; }
.handoff .lib-status.error { color: #b00020; }
`;
