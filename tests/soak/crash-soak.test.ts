import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { random, runCrashTrial } from '../helpers/crash-trial';
import { buildCliIfStale, killAllServes } from '../helpers/serve-process';

/**
 * `npm run soak`: the crash-durability trial of the suite, 20 times over a workload of 10,000
 * edits each, killed with SIGKILL at a random edit of it. Minutes, not seconds: kept out of npm test.
 */

const TRIALS = Number(process.env.GROUNDWORK_SOAK_TRIALS ?? 20);
const EDITS = 10_000;
const baseSeed = Number(process.env.GROUNDWORK_CRASH_SEED ?? Date.now() % 1_000_000);

beforeAll(() => buildCliIfStale(), 60_000);
afterEach(() => killAllServes());

describe(`soak: ${TRIALS} crash trials of ${EDITS} edits`, () => {
  it.each(Array.from({ length: TRIALS }, (_, i) => i))('trial %i: every acknowledged edit survives the kill', async (trial) => {
    const seed = baseSeed + trial;
    const killAfterEdits = 1 + Math.floor(random(seed + 0x5eed)() * EDITS);
    const result = await runCrashTrial({ seed, killAfterEdits, maxEdits: EDITS, workers: 4 });
    console.log(`soak seed ${seed}: killed at edit ${killAfterEdits}, ${result.acked} of ${result.sent} edits acknowledged`);
    expect({ seed, integrity: result.integrity, problems: result.problems }).toEqual({ seed, integrity: 'ok', problems: [] });
  });
});
