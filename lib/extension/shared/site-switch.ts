/**
 * "Read this site as e-paper": for a site outside the built-in patterns, the popup asks for that ONE
 * origin (optional host permission) and the content script is registered for it at run time
 * (`scripting.registerContentScripts`); switching off removes both. One registration, id
 * SITE_SCRIPT_ID, always lists exactly the origins granted (`syncSiteScripts` makes it so).
 */
import type { Result } from '../../model';
import { isKnownHost, originPattern } from './site-patterns';

/** Id of the run-time content script registration. */
export const SITE_SCRIPT_ID = 'epaper-site-switch';
/** The built content script (WXT's output path). */
export const CONTENT_JS = 'content-scripts/content.js';

/** The browser APIs used (the polyfill's `browser`, or a fake in tests). */
export interface SwitchApi {
  permissions: {
    request(p: { origins: string[] }): Promise<boolean>;
    remove(p: { origins: string[] }): Promise<boolean>;
    contains(p: { origins: string[] }): Promise<boolean>;
    getAll(): Promise<{ origins?: string[] }>;
  };
  scripting: {
    getRegisteredContentScripts(f?: { ids?: string[] }): Promise<{ id: string; matches?: string[] }[]>;
    registerContentScripts(s: RegisteredScript[]): Promise<void>;
    updateContentScripts(s: RegisteredScript[]): Promise<void>;
    unregisterContentScripts(f?: { ids?: string[] }): Promise<void>;
  };
}

interface RegisteredScript {
  id: string;
  matches: string[];
  js: string[];
  runAt: 'document_idle';
  persistAcrossSessions: boolean;
}

/** The state of the switch for a tab's URL. */
export type SiteState = 'builtin' | 'on' | 'off' | 'unsupported';

/** Granted origins that are sites switched on: `https://host/*` patterns outside the built-in list. */
export function sitePatterns(origins: string[]): string[] {
  return origins.filter((o) => /^https?:\/\/[^/*]+\/\*$/.test(o) && !isKnownHost(o.slice(0, -1))).sort();
}

/** Make the run-time registration list exactly the granted site origins. */
export async function syncSiteScripts(api: SwitchApi): Promise<Result<string[]>> {
  try {
    const matches = sitePatterns((await api.permissions.getAll()).origins ?? []);
    const existing = await api.scripting.getRegisteredContentScripts({ ids: [SITE_SCRIPT_ID] });
    const script: RegisteredScript = {
      id: SITE_SCRIPT_ID,
      matches,
      js: [CONTENT_JS],
      runAt: 'document_idle',
      persistAcrossSessions: true,
    };
    if (matches.length === 0) {
      if (existing.length) await api.scripting.unregisterContentScripts({ ids: [SITE_SCRIPT_ID] });
    } else if (existing.length) await api.scripting.updateContentScripts([script]);
    else await api.scripting.registerContentScripts([script]);
    return { ok: true, value: matches };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * Whether the user switched `url`'s site on: its exact `https://host/*` pattern is among the granted
 * origins. Not `permissions.contains`: Firefox holds the content script's path-scoped family
 * patterns (content_*.htm on any host) as a host permission for every http(s) origin, which
 * "contains" every origin, so every site would read as switched on (and the background would fetch any origin).
 */
export async function isSwitchedOn(api: Pick<SwitchApi, 'permissions'>, url: string): Promise<boolean> {
  const pattern = originPattern(url);
  if (!pattern) return false;
  try {
    return ((await api.permissions.getAll()).origins ?? []).includes(pattern);
  } catch {
    return false;
  }
}

/** Where the switch stands for `url`. */
export async function siteState(api: SwitchApi, url: string): Promise<SiteState> {
  const pattern = originPattern(url);
  if (!pattern) return 'unsupported';
  if (isKnownHost(url)) return 'builtin';
  return (await isSwitchedOn(api, url)) ? 'on' : 'off';
}

/**
 * Switch a site on (ask for its origin; must run in the click's user gesture) or off (give the
 * origin back), then sync the registration. Returns the new state.
 */
export async function switchSite(api: SwitchApi, url: string, on: boolean): Promise<Result<SiteState>> {
  const pattern = originPattern(url);
  if (!pattern) return { ok: true, value: 'unsupported' };
  if (isKnownHost(url)) return { ok: true, value: 'builtin' };
  try {
    const changed = on
      ? await api.permissions.request({ origins: [pattern] })
      : await api.permissions.remove({ origins: [pattern] });
    const synced = await syncSiteScripts(api);
    if (!synced.ok) return synced;
    if (on && !changed) return { ok: false, error: 'denied' };
    return { ok: true, value: on ? 'on' : 'off' };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
