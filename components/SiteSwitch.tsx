/** The popup's "Read this site as e-paper" switch: a checkbox with a one-line state hint. */
import type { JSX } from 'preact';
import { t } from '../lib/extension/shared/i18n';
import type { SiteState } from '../lib/extension/shared/site-switch';

export interface SiteSwitchProps {
  /** Host name shown beside the switch ('' when there is no site). */
  host: string;
  state: SiteState;
  busy: boolean;
  error: string;
  onChange: (on: boolean) => void;
}

/**
 * A built-in site needs no switch: it says 「此网站已内置支持。」 in place of 「按数字报阅读此网站」 (an
 * offer to turn on what already works reads as if it did not). Disabled for non-web pages.
 */
export function SiteSwitch(props: SiteSwitchProps): JSX.Element {
  if (props.state === 'builtin')
    return (
      <div class="site-switch">
        <p class="site-hint" data-testid="site-hint" role="status">
          {t('siteBuiltIn')}
        </p>
        {props.host && <p class="site-host">{props.host}</p>}
      </div>
    );
  const on = props.state === 'on';
  const fixed = props.state === 'unsupported';
  const hint = props.error || (fixed ? t('siteUnsupported') : on ? t('siteOnHint') : t('siteOffHint'));
  return (
    <div class="site-switch">
      <label>
        <input
          type="checkbox"
          role="switch"
          data-testid="site-switch"
          checked={on}
          disabled={fixed || props.busy}
          onChange={(e) => props.onChange((e.currentTarget as HTMLInputElement).checked)}
        />{' '}
        {t('siteSwitch')}
        {props.host && <span class="site-host"> {props.host}</span>}
      </label>
      <p class="site-hint" data-testid="site-hint" role="status">
        {hint}
      </p>
    </div>
  );
}
