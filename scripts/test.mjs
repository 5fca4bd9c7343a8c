#!/usr/bin/env node
// `npm test`: typecheck, lint, Electronegativity, build, vitest (unit + integration), Playwright e2e in Chromium.
// Every step runs even when an earlier one fails, and the last line counts them all:
// "tests: N passed, N failed[, N skipped]". A failing typecheck, lint or build counts as one failure.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, '.test-output');
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function run(label, command, args, env = {}) {
  console.log(`\n== ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function check(label, command, args) {
  if (run(label, command, args)) return true;
  totals.failed++;
  failures.push(label);
  return false;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

check('typecheck', 'npm', ['run', '--silent', 'typecheck']);
check('lint', 'npm', ['run', '--silent', 'lint']);
check('electronegativity', 'npm', ['run', '--silent', 'electronegativity']);
const built = check('build', 'npm', ['run', '--silent', 'build']);

const vitestJson = path.join(out, 'vitest.json');
const vitestOk = run('vitest', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
const vitest = readJson(vitestJson);
if (vitest) {
  totals.passed += vitest.numPassedTests;
  totals.failed += vitest.numFailedTests;
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests;
}
if (!vitestOk && (!vitest || vitest.numFailedTests === 0)) {
  totals.failed++;
  failures.push('vitest (did not finish)');
} else if (!vitestOk) failures.push('vitest');

if (built) {
  const e2eJson = path.join(out, 'playwright.json');
  const e2eOk = run('e2e', 'npx', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson });
  const report = readJson(e2eJson);
  if (report) {
    totals.passed += report.stats.expected + report.stats.flaky;
    totals.failed += report.stats.unexpected;
    totals.skipped += report.stats.skipped;
  }
  if (!e2eOk && (!report || report.stats.unexpected === 0)) {
    totals.failed++;
    failures.push('e2e (did not finish)');
  } else if (!e2eOk) failures.push('e2e');
} else {
  console.log('\n== e2e: skipped, the build failed');
}

if (failures.length) console.log(`\nFailed: ${failures.join(', ')}`);
const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(totals.failed ? 1 : 0);
