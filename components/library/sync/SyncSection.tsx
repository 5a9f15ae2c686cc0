/** The sync panel kept current: settings and status follow storage changes (the background writes the status). */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { SyncSettings, SyncStatus } from '../../../lib/extension/shared/sync-settings';
import { SyncPanel, type SyncPanelProps } from './SyncPanel';

export interface SyncSectionProps extends Omit<SyncPanelProps, 'settings' | 'status'> {
  load: () => Promise<{ settings: SyncSettings | null; status: SyncStatus | null }>;
  /** Calls back on every change of the saved settings or status; returns the unsubscribe. */
  subscribe: (onChange: () => void) => () => void;
}

export function SyncSection(props: SyncSectionProps): JSX.Element | null {
  const [view, setView] = useState<Awaited<ReturnType<SyncSectionProps['load']>> | null>(null);
  useEffect(() => {
    const reload = () => void props.load().then(setView);
    reload();
    return props.subscribe(reload);
  }, []);
  if (!view) return null;
  return <SyncPanel {...props} settings={view.settings} status={view.status} />;
}
