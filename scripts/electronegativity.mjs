#!/usr/bin/env node
// `npm run electronegativity`: Doyensec's Electronegativity over main/ and renderer/, scanned
// together (its global checks, such as CSP and navigation limits, look across the whole app).
// Passes with no finding, or with each finding accepted in .electronegativity.json with the
// reason; fails on a new finding, on an accepted one that no longer occurs (so the list stays
// true), and on a file it could not parse (a file it skips is a file it did not check).
//
// Electronegativity has no config file of its own: its only ways to ignore are `eng-disable`
// comments in the code and `-x` for a whole check. The accepted list lives here instead, with
// reasons, matched by check and file.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity');

const config = JSON.parse(fs.readFileSync(path.join(root, '.electronegativity.json'), 'utf8'));
const missingReason = [...config.excludedChecks, ...config.accepted].filter((entry) => !entry.reason?.trim());
if (missingReason.length) {
  console.error(`Every entry in .electronegativity.json needs a reason: ${missingReason.map((e) => e.check).join(', ')}`);
  process.exit(1);
}
const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).devDependencies.electron;

const scanDir = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-electronegativity-'));
try {
  for (const dir of ['main', 'renderer']) fs.cpSync(path.join(root, dir), path.join(scanDir, dir), { recursive: true });

  const { issues, errors } = await run({
    input: scanDir,
    isRelative: true,
    electronVersionOverride: electronVersion,
    customScan: [],
    excludeFromScan: config.excludedChecks.map((c) => c.check.toLowerCase()),
    parserPlugins: [],
  });

  const key = (check, file) => `${check} ${file}`;
  const accepted = new Map(config.accepted.map((a) => [key(a.check, a.file), a]));
  const seen = new Set();
  const unaccepted = [];
  for (const issue of issues) {
    const file = issue.file.split(path.sep).join('/');
    const k = key(issue.id, file);
    if (accepted.has(k)) seen.add(k);
    else unaccepted.push(`  ${issue.id} ${file}:${issue.location?.line ?? 0} ${issue.sample ?? ''}\n    ${issue.description}`);
  }
  const stale = [...accepted.keys()].filter((k) => !seen.has(k));
  const unparsed = errors.map((e) => `  ${path.relative(scanDir, e.file)}: ${e.message}`);

  console.log(`Electronegativity ${require('@doyensec/electronegativity/package.json').version} over main/ and renderer/ (Electron ${electronVersion}):`);
  console.log(`  ${issues.length} finding(s), ${seen.size} accepted in .electronegativity.json, ${unaccepted.length} new`);
  if (unaccepted.length) console.log(`\nNew findings (fix them, or accept each in .electronegativity.json with the reason):\n${unaccepted.join('\n')}`);
  if (stale.length) console.log(`\nAccepted findings that no longer occur (remove them from .electronegativity.json):\n${stale.map((k) => `  ${k}`).join('\n')}`);
  if (unparsed.length) console.log(`\nFiles Electronegativity could not parse, so did not check:\n${unparsed.join('\n')}`);
  process.exitCode = unaccepted.length || stale.length || unparsed.length ? 1 : 0;
} finally {
  fs.rmSync(scanDir, { recursive: true, force: true });
}
