#!/usr/bin/env node
// Parses many HCL files with HashiCorp's own HCL parser (Go, compiled to WASM, via @cdktf/hcl2json) in one node
// process and prints one JSON line per file: {"file":..., "json":...} or {"file":..., "error":...}.
// File paths come as arguments, or one per line on standard input when there are no arguments.
// preflight's differential parser test (HclDifferentialTest) reads this output.
"use strict";
const fs = require("fs");
const { parse } = require("@cdktf/hcl2json");

async function readPaths() {
  if (process.argv.length > 2) {
    return process.argv.slice(2);
  }
  const chunks = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8").split(/\r?\n/).filter((line) => line.length > 0);
}

async function main() {
  const paths = await readPaths();
  for (const file of paths) {
    let line;
    try {
      const json = await parse(file, fs.readFileSync(file, "utf8"));
      line = JSON.stringify({ file, json });
    } catch (e) {
      line = JSON.stringify({ file, error: String(e && e.message ? e.message : e) });
    }
    process.stdout.write(line + "\n");
  }
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e) + "\n");
  process.exit(1);
});
