import { describe, expect, it, vi } from 'vitest';
import { openExternalUrl, shouldOpenExternally } from '../../../main/electron/external-links';

describe('openExternalUrl', () => {
  it.each([
    ['https://example.com/guide', 'https://example.com/guide'],
    ['http://example.com', 'http://example.com/'],
    ['mailto:facilitator@example.com', 'mailto:facilitator@example.com'],
  ])('hands %s to the opener', async (url, opened) => {
    const opener = vi.fn();
    await expect(openExternalUrl(url, opener)).resolves.toBe(true);
    expect(opener).toHaveBeenCalledExactlyOnceWith(opened);
  });

  it.each([
    ['javascript:', 'javascript:alert(document.cookie)'],
    ['javascript: in capitals', 'JavaScript:alert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['a Windows file URL', 'file:///C:/Windows/System32/calc.exe'],
    ['a UNC path', '\\\\server\\share\\payload.exe'],
    ['a UNC file URL', 'file://server/share/payload.exe'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['a custom scheme', 'ms-msdt:/id PCWDiagnostic'],
    ['another custom scheme', 'zoommtg://zoom.us/join'],
    ['our own scheme', 'app://groundwork/index.html'],
    ['smb:', 'smb://server/share'],
    ['a relative path', '/index.html'],
    ['credentials in a web link', 'https://user:secret@example.com/'],
    ['an empty string', ''],
    ['a very long link', `https://example.com/${'a'.repeat(3000)}`],
  ])('never lets %s reach the opener', async (_label, url) => {
    const opener = vi.fn();
    await expect(openExternalUrl(url, opener)).resolves.toBe(false);
    expect(opener).not.toHaveBeenCalled();
    expect(shouldOpenExternally(url)).toBe(false);
  });

  it('passes the parsed link on, not the raw string', async () => {
    const opener = vi.fn();
    await openExternalUrl('HTTPS://Example.COM/a b', opener);
    expect(opener).toHaveBeenCalledWith('https://example.com/a%20b');
  });

  it('reports an opener failure to the caller', async () => {
    const opener = vi.fn().mockRejectedValue(new Error('no browser'));
    await expect(openExternalUrl('https://example.com', opener)).rejects.toThrow('no browser');
  });
});
