import { describe, expect, it } from 'vitest';
import { allowedHostsFor, allowedOriginsFor, checkHost, checkOrigin, checkRequest } from '../../main/transport/request-guard';

const loopback = allowedHostsFor({ host: '127.0.0.1', port: 5417 });
const lan = allowedHostsFor({ host: '0.0.0.0', port: 5417, localAddresses: ['192.168.1.20', 'fe80::1', 'studio-laptop'] });

describe('allowedHostsFor', () => {
  it('on loopback allows 127.0.0.1, localhost and [::1] with the port, nothing else', () => {
    expect(loopback.sort()).toEqual(['127.0.0.1:5417', '[::1]:5417', 'localhost:5417'].sort());
    expect(allowedHostsFor({ host: 'localhost', port: 80 })).toContain('127.0.0.1:80');
    expect(allowedHostsFor({ host: '::1', port: 9 })).toContain('[::1]:9');
  });

  it('on every interface adds each of the machine addresses and names', () => {
    expect(lan).toEqual(expect.arrayContaining(['127.0.0.1:5417', '192.168.1.20:5417', '[fe80::1]:5417', 'studio-laptop:5417']));
    expect(lan).toContain('0.0.0.0:5417');
  });

  it('bound to one LAN address allows that address only', () => {
    expect(allowedHostsFor({ host: '192.168.1.20', port: 8080, localAddresses: ['10.0.0.5'] })).toEqual(['192.168.1.20:8080']);
  });
});

describe('checkHost', () => {
  it.each(['127.0.0.1:5417', 'localhost:5417', 'LOCALHOST:5417', '[::1]:5417', 'localhost.:5417'])('allows %s on loopback', (host) => {
    expect(checkHost(host, loopback)).toEqual({ ok: true });
  });

  it.each([
    ['an attacker domain (DNS rebinding)', 'evil.example:5417'],
    ['an attacker domain without a port', 'evil.example'],
    ['the right name on another port', '127.0.0.1:5418'],
    ['no port (means 80)', '127.0.0.1'],
    ['a LAN address while bound to loopback', '192.168.1.20:5417'],
    ['0.0.0.0', '0.0.0.0:5417'],
    ['an empty header', ''],
    ['userinfo', 'user@127.0.0.1:5417'],
    ['a path', '127.0.0.1:5417/x'],
    ['two hosts', '127.0.0.1:5417, evil.example'],
    ['a port past 65535', '127.0.0.1:99999'],
  ])('refuses %s', (_label, host) => {
    const decision = checkHost(host, loopback);
    expect(decision).toMatchObject({ ok: false, header: 'host' });
  });

  it('refuses a request with no Host at all', () => {
    expect(checkHost(undefined, loopback)).toMatchObject({ ok: false, header: 'host' });
  });

  it('allows the LAN address participants use when bound to every interface', () => {
    expect(checkHost('192.168.1.20:5417', lan)).toEqual({ ok: true });
    expect(checkHost('studio-laptop:5417', lan)).toEqual({ ok: true });
    expect(checkHost('evil.example:5417', lan)).toMatchObject({ ok: false });
  });

  it('port 80 may be left out of the Host header', () => {
    expect(checkHost('localhost', allowedHostsFor({ host: '127.0.0.1', port: 80 }))).toEqual({ ok: true });
  });
});

describe('checkOrigin', () => {
  const origins = allowedOriginsFor(loopback);

  it('allows a request without Origin (curl, the CLI, a same-origin GET)', () => {
    expect(checkOrigin(undefined, origins)).toEqual({ ok: true });
  });

  it.each(['http://127.0.0.1:5417', 'http://localhost:5417', 'http://[::1]:5417'])('allows a page we served: %s', (origin) => {
    expect(checkOrigin(origin, origins)).toEqual({ ok: true });
  });

  it.each([
    'https://evil.example',
    'http://evil.example:5417',
    'http://127.0.0.1:5418',
    'https://127.0.0.1:5417',
    'null',
    'file://',
    '',
    'http://127.0.0.1:5417.evil.example',
    'http://127.0.0.1:5417/path',
    'http://user@127.0.0.1:5417',
    'not a url',
  ])('refuses %s', (origin) => {
    expect(checkOrigin(origin, origins)).toMatchObject({ ok: false, header: 'origin' });
  });
});

describe('checkRequest', () => {
  it('checks Host first: a good Origin does not make up for a hostile Host', () => {
    expect(checkRequest({ host: 'evil.example:5417', origin: 'http://127.0.0.1:5417' }, loopback)).toMatchObject({ ok: false, header: 'host' });
  });

  it('refuses a good Host with a cross-site Origin, and says so in plain words', () => {
    const decision = checkRequest({ host: '127.0.0.1:5417', origin: 'https://evil.example' }, loopback);
    expect(decision).toMatchObject({ ok: false, header: 'origin', message: expect.stringContaining('other sites') });
  });

  it('allows a good Host with no Origin', () => {
    expect(checkRequest({ host: '127.0.0.1:5417' }, loopback)).toEqual({ ok: true });
  });
});
