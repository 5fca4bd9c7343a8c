import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isTrustedAppUrl } from '../../../main/electron/trusted-url';

describe('isTrustedAppUrl', () => {
  it.each([
    APP_ENTRY_URL,
    'app://groundwork/',
    'app://groundwork/index.html#/session/abc',
    'app://groundwork/assets/index-3f2a.js',
    'app://groundwork/index.html?x=1',
  ])('trusts our own page %s', (url) => {
    expect(isTrustedAppUrl(url)).toBe(true);
  });

  it.each([
    ['another app host', 'app://evil/index.html'],
    ['a look-alike host with a suffix', 'app://groundwork.evil.com/index.html'],
    ['a look-alike host with a prefix', 'app://evilgroundwork/'],
    ['credentials pointing elsewhere', 'app://groundwork@evil.com/'],
    ['credentials before our host', 'app://user:pw@groundwork/'],
    ['a port', 'app://groundwork:8080/'],
    ['no path at all', 'app://groundwork'],
    ['an upper-case scheme', 'APP://groundwork/'],
    ['an upper-case host', 'app://GROUNDWORK/'],
    ['backslashes', 'app:\\\\groundwork\\index.html'],
    ['leading whitespace', ' app://groundwork/'],
    ['a file URL', 'file:///app/dist/renderer/index.html'],
    ['a UNC path', '\\\\server\\share\\index.html'],
    ['a file URL to a share', 'file://server/share/index.html'],
    ['https', 'https://groundwork/'],
    ['http on localhost', 'http://localhost:5173/'],
    ['a javascript URL', 'javascript:alert(1)'],
    ['a data URL', 'data:text/html,<script>alert(1)</script>'],
    ['a blob URL', 'blob:app://groundwork/1234'],
    ['about:blank', 'about:blank'],
    ['devtools', 'devtools://devtools/bundled/inspector.html'],
    ['an empty string', ''],
    ['a very long URL', `app://groundwork/${'a'.repeat(10_000)}`],
  ])('rejects %s', (_label, url) => {
    expect(isTrustedAppUrl(url)).toBe(false);
  });

  it.each([undefined, null, 42, {}, ['app://groundwork/']])('rejects a non-string (%j)', (value) => {
    expect(isTrustedAppUrl(value)).toBe(false);
  });
});
