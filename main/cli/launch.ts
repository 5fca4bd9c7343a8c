#!/usr/bin/env node
// The `groundwork` command as installed: scripts/bundle-cli.mjs copies this file's output to
// dist/main/cli/groundwork.js, beside the bundle it runs (groundwork-bundle.js) with the V8 code
// cache the build made for it. Node 20 has no compile cache of its own, and compiling the bundle
// was a sixth of the CPU time `serve` takes to listen. A cache V8 rejects (another Node, another
// bundle) costs nothing: the bundle is compiled as it would have been. With
// GROUNDWORK_CODE_CACHE_OUT set, the run writes the cache there as it exits: the build runs
// `groundwork help`, which runs every module's top level, so the cache holds that code compiled too.
import fs from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

const file = path.join(__dirname, 'groundwork-bundle.js');
let cachedData: Buffer | undefined;
try {
  cachedData = fs.readFileSync(`${file}.cache`);
} catch {
  // No cache: compiled from source.
}
const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8').replace(/^#!.*/, '')), { filename: file, cachedData });
const out = process.env.GROUNDWORK_CODE_CACHE_OUT;
if (out) process.once('exit', () => fs.writeFileSync(out, script.createCachedData()));

const bundle = new Module(file, module);
bundle.filename = file;
(script.runInThisContext() as (...args: unknown[]) => void)(bundle.exports, Module.createRequire(file), bundle, file, __dirname);
