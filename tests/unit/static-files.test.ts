import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentType, resolveStaticFile } from '../../main/transport/static-files';
import { makeTempDir, removeDir } from '../helpers/temp-dir';

let base: string;
let root: string;
let secret: string;

beforeAll(() => {
  base = makeTempDir('static');
  // A sibling whose name starts with the root's name: a naive startsWith(root) check would let it through.
  root = path.join(base, 'public');
  secret = path.join(base, 'public-secret', 'key.txt');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.mkdirSync(path.dirname(secret));
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
  fs.writeFileSync(path.join(root, 'app.js'), '');
  fs.writeFileSync(path.join(root, 'assets', 'chunk.js'), '');
  fs.writeFileSync(path.join(base, 'secret.txt'), 'secret');
  fs.writeFileSync(secret, 'secret');
});

afterAll(() => removeDir(base));

describe('resolveStaticFile', () => {
  it('serves files inside the root', () => {
    expect(resolveStaticFile(root, '/app.js')).toBe(path.join(root, 'app.js'));
    expect(resolveStaticFile(root, '/app.js?v=2')).toBe(path.join(root, 'app.js'));
    expect(resolveStaticFile(root, '/%61pp.js')).toBe(path.join(root, 'app.js'));
    expect(resolveStaticFile(root, '/assets/chunk.js')).toBe(path.join(root, 'assets', 'chunk.js'));
  });

  it('gives index.html for the root and for renderer routes without an extension', () => {
    const index = path.join(root, 'index.html');
    expect(resolveStaticFile(root, '/')).toBe(index);
    expect(resolveStaticFile(root, '/sessions/s_123')).toBe(index);
    expect(resolveStaticFile(root, '/assets')).toBe(index);
  });

  it('gives null for a missing file with an extension', () => {
    expect(resolveStaticFile(root, '/missing.js')).toBeNull();
  });

  it('never resolves a traversal attempt outside the root', () => {
    const attempts = [
      '/../secret.txt',
      '/../../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/%2E%2E/secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/%2e%2e%2fpublic-secret%2fkey.txt',
      '/../public-secret/key.txt',
      '/..%5c..%5csecret.txt',
      '/..\\..\\secret.txt',
      '/%252e%252e/secret.txt',
      '/.%2e/.%2e/secret.txt',
      `/${secret}`,
      `//${secret}`,
      `/%2f${secret.slice(1)}`,
      '/C:/Windows/win.ini',
      '/etc/passwd',
    ];
    for (const attempt of attempts) {
      const file = resolveStaticFile(root, attempt);
      if (file === null) continue;
      expect({ attempt, inside: file.startsWith(root + path.sep) }).toEqual({ attempt, inside: true });
      expect(fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '').not.toBe('secret');
    }
  });

  it('refuses null bytes and malformed percent-encoding', () => {
    expect(resolveStaticFile(root, '/index.html%00.js')).toBeNull();
    expect(resolveStaticFile(root, '/%00')).toBeNull();
    expect(resolveStaticFile(root, '/app.js\0')).toBeNull();
    expect(resolveStaticFile(root, '/%E0%A4%A')).toBeNull();
    expect(resolveStaticFile(root, '/%')).toBeNull();
  });
});

describe('contentType', () => {
  it('maps known extensions case-insensitively and anything else to octet-stream', () => {
    expect(contentType('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentType('/x/APP.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentType('/x/font.woff2')).toBe('font/woff2');
    expect(contentType('/x/data.bin')).toBe('application/octet-stream');
  });
});
