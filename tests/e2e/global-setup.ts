import { execFileSync } from 'node:child_process';

/** Build the Chrome extension once before the browser tests (each test loads .output/chrome-mv3). */
export default function setup(): void {
  execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
}
