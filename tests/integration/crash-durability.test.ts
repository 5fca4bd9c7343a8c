import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { random, runCrashTrial } from '../helpers/crash-trial';
import { buildCliIfStale, killAllServes } from '../helpers/serve-process';

beforeAll(() => buildCliIfStale(), 60_000);
afterEach(() => killAllServes());

// A fresh seed each run (printed with any failure), so the suite explores new kill moments over time.
const baseSeed = Number(process.env.GROUNDWORK_CRASH_SEED ?? Date.now() % 1_000_000);

describe('groundwork serve killed with SIGKILL while edits stream in', () => {
  it.each([0, 1, 2])('trial %i: every acknowledged edit survives, and integrity_check says ok', async (trial) => {
    const seed = baseSeed + trial;
    const killAfterMs = 200 + Math.floor(random(seed + 0x5eed)() * 1300);
    const result = await runCrashTrial({ seed, killAfterMs, workers: 3 });
    console.log(`crash trial seed ${seed}: killed after ${killAfterMs} ms, ${result.acked} of ${result.sent} edits acknowledged`);
    expect({ seed, integrity: result.integrity, problems: result.problems }).toEqual({ seed, integrity: 'ok', problems: [] });
    expect(result.acked).toBeGreaterThan(0);
  }, 15_000);
});
