/** 「这一页读得不对」: saves the page report for the active tab and says where it went and what to do with it. */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { ReportResult } from '../../lib/extension/pages/report';
import { t } from '../../lib/extension/shared/i18n';

export interface ReportButtonProps {
  /** Save the report (lib/extension/pages/report.ts reportTab, wired in the popup). */
  report: () => Promise<ReportResult>;
}

const ERRORS = {
  'no-page': 'reportNoPage',
  'no-access': 'reportNoAccess',
  'not-saved': 'reportNotSaved',
} as const;

/** One button; while saving it is disabled; afterwards one line says what happened. */
export function ReportButton(props: ReportButtonProps): JSX.Element {
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState('');
  const click = async (): Promise<void> => {
    setBusy(true);
    const r = await props.report();
    setSaid(r.ok ? t('reportSaved', [r.value.name]) : t(ERRORS[r.error]));
    setBusy(false);
  };
  return (
    <section class="report">
      <button type="button" data-testid="report-page" disabled={busy} onClick={() => void click()}>
        {t('reportPage')}
      </button>
      {said && (
        <p class="hint" data-testid="report-said" role="status">
          {said}
        </p>
      )}
    </section>
  );
}
