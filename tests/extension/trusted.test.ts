// @vitest-environment happy-dom
/** Only real input drives our UI: a page script's synthetic events are ignored. */
import { describe, expect, it } from 'vitest';
import { trusted } from '../../lib/extension/shared/trusted';

describe('trusted', () => {
  it('passes events the browser made from real input and drops synthetic ones', () => {
    const seen: string[] = [];
    const fn = trusted((e: Event) => seen.push(e.type));
    fn(new Event('click'));
    const real = new Event('keydown');
    Object.defineProperty(real, 'isTrusted', { value: true });
    fn(real);
    expect(seen).toEqual(['keydown']);
  });
});
