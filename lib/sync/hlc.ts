/**
 * Hybrid logical clock (Kulkarni et al., 2014): wall time in ms, a counter, the device id. A clock
 * never goes backwards, and a device that has seen another's clock stamps every later edit after
 * it, so two machines whose clocks disagree by hours still order an edit made after a sync as
 * later. As a string it compares in that order (`a < b`): fixed-width decimal fields, then the device:
 * 「000001764876000000.00000.<device>」, the `rev` of the store's sync contract (lib/db/README.md).
 */

/** Widths of the store's contract (lib/db/README.md): 18 digits of ms, 5 of counter (edits within one ms). */
const WALL_DIGITS = 18;
const COUNTER_DIGITS = 5;
const COUNTER_MAX = 10 ** COUNTER_DIGITS - 1;

/** A clock read back into its parts. */
export interface HlcParts {
  wall: number;
  counter: number;
  device: string;
}

/** `000001764806400000.00003.laptop` → parts; null for anything else. */
export function parseClock(clock: string): HlcParts | null {
  const m = /^(\d{18})\.(\d{5})\.(.+)$/.exec(clock);
  return m ? { wall: Number(m[1]), counter: Number(m[2]), device: m[3]! } : null;
}

/** Parts → the comparable string. */
export function formatClock({ wall, counter, device }: HlcParts): string {
  return `${String(wall).padStart(WALL_DIGITS, '0')}.${String(counter).padStart(COUNTER_DIGITS, '0')}.${device}`;
}

/** -1, 0, 1 in the order every device agrees on. */
export function compareClocks(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One device's clock; `now` is injected (tests move it by hours). */
export class Hlc {
  private wall = 0;
  private counter = 0;

  constructor(
    readonly device: string,
    private readonly now: () => number = Date.now,
    last?: string,
  ) {
    // The id is a path segment on the server and the clock's last field: letters, digits, - _ . only.
    if (!/^[\w.-]+$/.test(device)) throw new Error(`bad device id ${device}`);
    if (last) this.receive(last);
  }

  /** Stamp a local edit: later than every clock this device has made or seen. */
  tick(): string {
    const now = this.now();
    if (now > this.wall) {
      this.wall = now;
      this.counter = 0;
    } else this.bump();
    return formatClock({ wall: this.wall, counter: this.counter, device: this.device });
  }

  /** Take in a clock from another device, so the next tick sorts after it. */
  receive(clock: string): void {
    const p = parseClock(clock);
    if (!p) return;
    if (p.wall > this.wall) {
      this.wall = p.wall;
      this.counter = p.counter;
    } else if (p.wall === this.wall && p.counter > this.counter) this.counter = p.counter;
  }

  /** The newest clock made or seen, for saving across restarts. */
  latest(): string {
    return formatClock({ wall: this.wall, counter: this.counter, device: this.device });
  }

  private bump(): void {
    // A full counter moves the clock 1 ms ahead instead of wrapping (100,000 edits in one ms never happen in practice).
    if (this.counter === COUNTER_MAX) {
      this.wall += 1;
      this.counter = 0;
    } else this.counter += 1;
  }
}
