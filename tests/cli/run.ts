/** Test helper: run the CLI in-process and capture what it prints. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../cli/main';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run `epaper-reader ...argv` in this process with a fixed clock (2026-11-29). */
export async function runCli(argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    today: () => '2026-11-29',
  });
  return { code, stdout, stderr };
}

/** Run and parse the JSON output (fails the test when it is not JSON). */
export async function runJson(argv: string[]) {
  const r = await runCli(argv);
  return { ...r, json: JSON.parse(r.stdout) as import('../../cli/output').ParseJson };
}

/** A fresh temporary directory and a way to remove it (big inputs are made at test time, never committed). */
export function tempDir(): { dir: string; path: (name: string) => string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'epaper-cli-'));
  return {
    dir,
    path: (name) => join(dir, name),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export const SEED = 'tests/fixtures/seed/zhuzhou-daily-2022-02-07-A1.txt';

/** A two-page story in the seed's printed-text form: part 1 on A1 ends with 「下转A2版」. */
export const PAGE_A1 = `第A1版：要闻
2022年2月7日 星期一

乡村振兴“开卷” 株洲这样作答

株洲日报·掌上株洲记者/李军

春节，人们跨越山海奔赴家乡。将乡愁栖居之地建设成为“强富美”，正是乡村振兴的愿景所在。

回首2021年，乡村振兴画卷徐徐展开，株洲提笔回答了啥题目？

下转A2版
`;

/** Part 2 of that story on A2, opening with 「上接A1版」. */
export const PAGE_A2 = `第A2版：要闻
2022年2月7日 星期一

上接A1版

全面推进乡村振兴，株洲最大的优势在哪？知株侠为你道来。
`;
