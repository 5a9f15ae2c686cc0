import { afterEach, describe, expect, it } from 'vitest';
import { KIT_GLOBAL, kitLoader } from '../../lib/extension/content/kit-loader';

const g = globalThis as Record<string, unknown>;
afterEach(() => delete g[KIT_GLOBAL]);

/** A module that, like reader-kit.js, leaves the kit on the global. */
const kitModule = (tag: string) =>
  `data:text/javascript,globalThis.${KIT_GLOBAL}={tag:${JSON.stringify(tag)}};export{}`;

describe('kitLoader', () => {
  it('imports the kit script once and hands over what it left on the global', async () => {
    const load = kitLoader(kitModule('one'));
    const [a, b] = await Promise.all([load(), load()]);
    expect(a).toEqual({ tag: 'one' });
    expect(b).toBe(a);
  });

  it('rejects when the script sets nothing, and tries again on the next use', async () => {
    const load = kitLoader('data:text/javascript,export{}');
    await expect(load()).rejects.toThrow('reader kit did not load');
    g[KIT_GLOBAL] = { tag: 'later' };
    expect(await load()).toEqual({ tag: 'later' });
  });

  it('rejects when the script cannot be imported', async () => {
    await expect(kitLoader('data:text/javascript,this is not javascript')()).rejects.toThrow();
  });
});
