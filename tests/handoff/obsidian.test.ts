/**
 * 「发送到 Obsidian」: the note for the real 海南日报 story (golden Markdown, properties as Obsidian
 * types them), the obsidian:// URI (golden), and table tests over vaults, folders and tags.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { groupByArticle } from '../../lib/export/selection';
import {
  DEFAULT_OBSIDIAN,
  obsidianNote,
  obsidianTag,
  obsidianUri,
  vaultFolder,
  type ObsidianSettings,
} from '../../lib/handoff/obsidian';
import { hainanLibrary } from '../export/hainan';

const GOLDEN = join(__dirname, '../golden/handoff');

function golden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, actual);
  expect(existsSync(file), `missing golden ${name}: run with UPDATE_GOLDEN=1`).toBe(true);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

const [g] = groupByArticle(hainanLibrary());
const settings: ObsidianSettings = { vault: '研究 笔记', folder: '/数字报/海南/', mode: 'overwrite' };

describe('Obsidian note', () => {
  const note = obsidianNote(g, settings, { accessed: '2026-12-04', created: '2026-12-04' });

  it('golden: the whole note with properties', () => {
    golden('hainan-obsidian.md', note.text);
    expect(note.text.startsWith('---\ntitle: "一枚“海南芯”，让“意念控制”照进现实"\n')).toBe(true);
    expect(note.text).toContain('\npages: ["1", "2"]\n');
    expect(note.text).toContain('\npublished: "2026-07-13"\ncreated: "2026-12-04"\n');
    expect(note.text).toContain('\ntags: ["脑机接口", "海南", "科技金融"]\n');
  });

  it('golden: the URI, with the note on the clipboard and never in &content=', () => {
    const uri = obsidianUri(settings, note.path);
    golden('hainan-obsidian.uri', uri + '\n');
    expect(uri).not.toContain('content=');
    expect(uri).toContain('&clipboard&overwrite');
    const u = new URL(uri);
    expect(u.protocol).toBe('obsidian:');
    expect(decodeURIComponent(uri.match(/vault=([^&]*)/)![1])).toBe('研究 笔记');
    expect(decodeURIComponent(uri.match(/file=([^&]*)/)![1])).toBe(note.path);
    expect(note.path).toBe('数字报/海南/2026-07-13 海南日报 一枚“海南芯”，让“意念控制”照进现实');
    // The note's text is nowhere in the URI: it travels on the clipboard only.
    expect(decodeURIComponent(uri)).not.toContain('掌声雷动');
  });

  it('appending to a note that exists leaves out the properties and headline', () => {
    const s = { ...settings, mode: 'append' as const };
    const add = obsidianNote(g, s, { accessed: '2026-12-04', exists: true });
    // What is appended opens with the clips (their section heading, then the first quote).
    expect(add.text).toMatch(/^## 摘录\n\n> /);
    expect(add.text).not.toContain('title:');
    expect(add.text).not.toContain('# 一枚');
    expect(note.text.endsWith(add.text)).toBe(true);
    expect(obsidianUri(s, add.path)).toMatch(/&clipboard&append$/);
    // A first send in append mode creates the note whole.
    expect(obsidianNote(g, s, { accessed: '2026-12-04', created: '2026-12-04' }).text).toBe(note.text);
  });
});

describe('settings and names', () => {
  it.each([
    ['数字报', '数字报'],
    ['/a//b/', 'a/b'],
    ['..\\secret/../x', 'secret/x'],
    ['', ''],
  ])('folder %j → %j', (folder, want) => expect(vaultFolder(folder)).toBe(want));

  it.each([
    ['脑机接口', '脑机接口'],
    ['科技 金融', '科技_金融'],
    ['#话题#', '话题'],
    ['2026', '_2026'],
    ['a/b-c', 'a/b-c'],
  ])('tag %j → %j', (tag, want) => expect(obsidianTag(tag)).toBe(want));

  it('with no vault name Obsidian uses the open vault', () => {
    expect(obsidianUri({ ...DEFAULT_OBSIDIAN, vault: ' ' }, 'a b+c')).toBe(
      'obsidian://new?file=a%20b%2Bc&clipboard&append',
    );
  });
});
