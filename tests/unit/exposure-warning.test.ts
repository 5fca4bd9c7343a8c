import { describe, expect, it } from 'vitest';
import { exposureWarning } from '../../main/cli/exposure-warning';

describe('serve --host beyond this machine', () => {
  it('warns, naming what it exposes and where, for any non-loopback address', () => {
    expect(exposureWarning('0.0.0.0')).toMatch(/whole app and API on every network this computer is on: every session, backups/);
    expect(exposureWarning('192.168.1.20')).toMatch(/--host 192\.168\.1\.20 .* on 192\.168\.1\.20/);
    expect(exposureWarning('[::]')).toMatch(/every network/);
    expect(exposureWarning('192.168.1.20')).toMatch(/Add a co-facilitator/);
  });

  it('says nothing on a loopback address', () => {
    for (const host of ['127.0.0.1', 'localhost', '::1', '[::1]', '127.0.0.2']) expect(exposureWarning(host)).toBeNull();
  });
});
