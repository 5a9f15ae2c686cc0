/**
 * JSON golden files: compare a value with tests/golden/<folder>/<name>.json, or write it there with
 * UPDATE_GOLDEN=1 (regenerate only on purpose, then read the diff).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/** The compare-or-write function of one golden folder (`sites`, `stitch`, `breadth`). */
export function jsonGolden(folder: string): (name: string, value: unknown) => void {
  const dir = fileURLToPath(new URL(`../golden/${folder}/`, import.meta.url));
  return (name, value) => {
    const path = `${dir}${name}.json`;
    const json = `${JSON.stringify(value, null, 2)}\n`;
    if (process.env.UPDATE_GOLDEN === '1') {
      mkdirSync(dir, { recursive: true });
      writeFileSync(path, json);
      return;
    }
    expect(existsSync(path), `missing golden ${name}.json: run with UPDATE_GOLDEN=1`).toBe(true);
    expect(JSON.parse(json)).toEqual(JSON.parse(readFileSync(path, 'utf8')));
  };
}
