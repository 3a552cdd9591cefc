// Parses each Mermaid file named on the command line with Mermaid's own parser; prints "ok FILE" or
// "error FILE: message" per file and exits 1 when any fails. Mermaid needs a DOM even to parse (DOMPurify).
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!DOCTYPE html><body></body>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');

let failed = false;
for (const file of process.argv.slice(2)) {
  try {
    await mermaid.parse(readFileSync(file, 'utf8'));
    console.log(`ok ${file}`);
  } catch (e) {
    failed = true;
    console.log(`error ${file}: ${String(e.message).split('\n').join(' ')}`);
  }
}
process.exit(failed ? 1 : 0);
