#!/usr/bin/env node
// `epaper-reader` as an installed command: run the TypeScript CLI through tsx's loader, then main().
import { register } from 'tsx/esm/api';

register();
const { main, processIo, withProcessIssueIo } = await import('./main.ts');
process.exitCode = await main(
  process.argv.slice(2),
  process.argv[2] === 'issue' ? withProcessIssueIo(processIo) : processIo,
);
