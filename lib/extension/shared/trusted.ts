/**
 * Only the user drives our UI: a page script can dispatch clicks and keys (`el.click()`,
 * `dispatchEvent(new KeyboardEvent(…))`), but those events arrive with `isTrusted === false`.
 * Every handler that opens, moves or acts is wrapped in `trusted`.
 */

/** `fn` for events the browser made from real input; synthetic events are ignored. */
export function trusted<E extends Event>(fn: (e: E) => void): (e: E) => void {
  return (e) => {
    if (e.isTrusted) fn(e);
  };
}
