import { describe, expect, it } from 'vitest';
import { findCycles, importGraph } from '../../../scripts/import-cycles.mjs';

const cyclesOf = (files: Record<string, string>) => findCycles(importGraph(new Map(Object.entries(files))));

describe('the import cycle check', () => {
  it('finds a cycle closed by a type-only import', () => {
    const cycles = cyclesOf({
      'main/room/room.ts': "import { applyModeration } from './moderation';",
      'main/room/moderation.ts': "import type { Room } from './room';",
    });
    expect(cycles).toEqual([{ cycle: ['main/room/moderation.ts', 'main/room/room.ts', 'main/room/moderation.ts'], files: ['main/room/moderation.ts', 'main/room/room.ts'] }]);
  });

  it('follows re-exports, folder indexes, .js specifiers and inline type imports', () => {
    const cycles = cyclesOf({
      'shared/a.ts': "export * from './model';",
      'shared/model/index.ts': "export { b } from './b.js';",
      'shared/model/b.ts': "import { type A } from '../a';",
    });
    expect(cycles.map((c) => c.cycle)).toEqual([['shared/a.ts', 'shared/model/index.ts', 'shared/model/b.ts', 'shared/a.ts']]);
  });

  it('names the shortest way round and every file of a larger knot', () => {
    const cycles = cyclesOf({
      'a.ts': "import './b';",
      'b.ts': "import './a'; import './c';",
      'c.ts': "import './d';",
      'd.ts': "import './b';",
    });
    expect(cycles).toEqual([{ cycle: ['a.ts', 'b.ts', 'a.ts'], files: ['a.ts', 'b.ts', 'c.ts', 'd.ts'] }]);
  });

  it('passes a graph without cycles, and ignores packages and files outside the project', () => {
    expect(
      cyclesOf({
        'main/store/store.ts': "import Database from 'better-sqlite3'; import { type Db } from './db';",
        'main/store/db.ts': "import type Database from 'better-sqlite3'; import '../../node_modules/x/index';",
      }),
    ).toEqual([]);
  });
});
