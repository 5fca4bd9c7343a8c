import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { IPC_CHANNELS } from '../../../shared/api';

// The preload imports electron, so it cannot be loaded in Node: these tests read its source.
const PRELOAD = path.resolve(import.meta.dirname, '../../../main/preload/preload.ts');
const source = fs.readFileSync(PRELOAD, 'utf8');
const constant = (name: string) => source.match(new RegExp(`const ${name} = '([^']+)'`))?.[1];

describe('the preload', () => {
  it('uses the same channel names as the IPC transport', () => {
    expect(constant('CALL_CHANNEL')).toBe(IPC_CHANNELS.call);
    expect(constant('EVENT_CHANNEL')).toBe(IPC_CHANNELS.event);
  });

  it('requires nothing but electron once compiled, as a sandboxed preload must', () => {
    const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } });
    const required = [...outputText.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(required).toEqual(['electron']);
  });

  it('exposes one object, window.groundwork, checked against GroundworkBridge', () => {
    expect([...source.matchAll(/exposeInMainWorld\(\s*'([^']+)'/g)].map((m) => m[1])).toEqual(['groundwork']);
    expect(source).toMatch(/\}\s*satisfies GroundworkBridge;/);
  });
});
