import { afterEach, beforeEach } from 'vitest';
import { EventHub } from '../../main/service/events';
import type { Service } from '../../main/service/methods';
import { createService } from '../../main/service/service';
import { openStoreIn, type OpenStore } from './store';
import { makeTempDir, removeDir } from './temp-dir';

/**
 * For each test of the enclosing block: the service on a fresh store in a temp dir, with a clock
 * that starts at `start` and moves only when the test moves it (`at.clock += …`).
 */
export function clockedService(name: string, start: number): { readonly service: Service; clock: number } {
  let dir = '';
  let opened: OpenStore | null = null;
  let service: Service | null = null;
  const at = {
    clock: start,
    get service(): Service {
      if (!service) throw new Error('the service exists only while a test runs');
      return service;
    },
  };
  beforeEach(() => {
    dir = makeTempDir(name);
    opened = openStoreIn(dir);
    at.clock = start;
    service = createService(opened.store, new EventHub(), { now: () => at.clock });
  });
  afterEach(() => {
    opened?.close();
    removeDir(dir);
    service = null;
  });
  return at;
}
