/**
 * The library's hybrid logical clock (Kulkarni et al., 2014): every version a device writes is
 * stamped 「<wall ms, 18 digits>.<counter, 5 digits>.<device>」, so stamps compare as strings. The
 * clock never runs back: a stamp is above every stamp this library has made or received, so an edit
 * made after another device's edit was seen wins even when the two wall clocks are hours apart;
 * edits that never saw each other are ordered by wall time, then device (the same on every device).
 */

/** The clock's state: the last stamp's wall time and counter. */
export interface ClockState {
  t: number;
  c: number;
}

const T_DIGITS = 18;
const C_DIGITS = 5;
const C_MAX = 10 ** C_DIGITS - 1;
const REV = /^(\d{18})\.(\d{5})\.(.+)$/;

/** The stamp of (t, c) made by `device`. */
export function formatRev(t: number, c: number, device: string): string {
  return `${String(t).padStart(T_DIGITS, '0')}.${String(c).padStart(C_DIGITS, '0')}.${device}`;
}

/** The parts of a stamp, or undefined when it is not one (a record from elsewhere). */
export function parseRev(rev: string): (ClockState & { device: string }) | undefined {
  const m = REV.exec(rev);
  return m ? { t: Number(m[1]), c: Number(m[2]), device: m[3] } : undefined;
}

/** The next stamp after `s` at wall time `now`; `s` is advanced in place. */
export function tick(s: ClockState, now: number, device: string): string {
  const wall = Math.max(0, Math.floor(now));
  if (wall > s.t) {
    s.t = wall;
    s.c = 0;
  } else if (s.c < C_MAX) s.c++;
  else {
    // 100,000 stamps in one millisecond (a restore): borrow the next millisecond.
    s.t++;
    s.c = 0;
  }
  return formatRev(s.t, s.c, device);
}

/** Moves `s` past a stamp received or stored (the receive rule of the clock). */
export function witness(s: ClockState, rev: string): void {
  const r = parseRev(rev);
  if (!r) return;
  if (r.t > s.t || (r.t === s.t && r.c > s.c)) {
    s.t = r.t;
    s.c = r.c;
  }
}
