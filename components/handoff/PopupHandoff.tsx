/**
 * The popup's 「存入 Zotero」 / 「发送到 Obsidian」 for the current tab's article (found by URL), shown
 * only when the library has that article. The Obsidian settings are read once and saved on change.
 */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ArticleItems } from '../../lib/db/types';
import type { Handoff } from '../../lib/extension/pages/handoff/handoff';
import { articleLoader } from '../../lib/extension/pages/handoff/loaders';
import type { ObsidianSettings } from '../../lib/handoff/obsidian';
import type { Result, StoredArticle } from '../../lib/model';
import { HandoffBar } from './HandoffBar';

export interface PopupHandoffProps {
  url: string;
  handoff: Handoff;
  findArticleByUrl(url: string): Promise<Result<StoredArticle | null>>;
  listForArticle(articleKey: string): Promise<Result<ArticleItems>>;
  loadSettings(): Promise<ObsidianSettings>;
  saveSettings(s: ObsidianSettings): void;
}

/** The part; nothing until the article and the settings are known. */
export function PopupHandoff(props: PopupHandoffProps): JSX.Element | null {
  const [key, setKey] = useState<string | null>(null);
  const [settings, setSettings] = useState<ObsidianSettings | null>(null);
  useEffect(() => {
    if (!props.url) return;
    void props.findArticleByUrl(props.url).then((r) => setKey(r.ok && r.value ? r.value.key : null));
    void props.loadSettings().then(setSettings);
  }, [props.url]);
  if (!key || !settings) return null;
  return (
    <HandoffBar
      handoff={props.handoff}
      load={articleLoader(() => props.listForArticle(key))}
      settings={settings}
      onSettings={(s) => {
        setSettings(s);
        props.saveSettings(s);
      }}
    />
  );
}
