// Part of `npm run lint`: fails on any import cycle among the project's own modules. Type-only
// imports count (a cycle closed by a type still ties its files together), which is why this is not
// ESLint's import plugin: its no-cycle rule skips them.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const SOURCE = /\.(ts|tsx|mts)$/;
const ROOTS = ['shared', 'main', 'renderer', 'tests', 'scripts', 'bench'];

/** The files a relative specifier may name, in TypeScript's order (`./x.js` names `./x.ts`). */
function candidates(base) {
  const stem = base.replace(/\.(m?js)$/, '');
  return [base, `${stem}.ts`, `${stem}.tsx`, `${stem}.d.ts`, `${stem}.d.mts`, `${stem}.mts`, `${base}/index.ts`, `${base}/index.tsx`];
}

/** The import graph of `files` (path → text, paths with `/`): each file's imports among them. */
export function importGraph(files) {
  const graph = new Map();
  for (const [file, text] of files) {
    const targets = new Set();
    for (const { fileName } of ts.preProcessFile(text, true, true).importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const target = candidates(path.posix.join(path.posix.dirname(file), fileName)).find((c) => files.has(c));
      if (target && target !== file) targets.add(target);
    }
    graph.set(file, [...targets].sort());
  }
  return graph;
}

/**
 * One cycle per knot of `graph` (a strongly connected component): `cycle`, the shortest way round
 * from its first file, the first file repeated last; `files`, every file of the knot.
 */
export function findCycles(graph) {
  // Tarjan's strongly connected components, iteratively (deep graphs must not overflow the stack).
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const components = [];
  let next = 0;
  for (const root of [...graph.keys()].sort()) {
    if (index.has(root)) continue;
    const work = [{ node: root, edge: 0 }];
    index.set(root, next);
    low.set(root, next++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const edges = graph.get(frame.node) ?? [];
      if (frame.edge < edges.length) {
        const to = edges[frame.edge++];
        if (!index.has(to)) {
          index.set(to, next);
          low.set(to, next++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, edge: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.node, Math.min(low.get(frame.node), index.get(to)));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent), low.get(frame.node)));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component = [];
        let member;
        do {
          member = stack.pop();
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        if (component.length > 1) components.push(component);
      }
    }
  }
  return components
    .map((component) => ({ cycle: shortestCycle(graph, new Set(component)), files: component.sort() }))
    .sort((a, b) => a.files[0].localeCompare(b.files[0]));
}

/** The shortest way from the component's first file (in name order) back to itself. */
function shortestCycle(graph, members) {
  const start = [...members].sort()[0];
  const cameFrom = new Map();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift();
    for (const to of graph.get(node) ?? []) {
      if (!members.has(to) || cameFrom.has(to)) continue;
      cameFrom.set(to, node);
      if (to === start) {
        const between = [];
        for (let at = node; at !== start; at = cameFrom.get(at)) between.unshift(at);
        return [start, ...between, start];
      }
      queue.push(to);
    }
  }
  throw new Error(`no cycle through ${start}`);
}

function sourceFiles(root) {
  const files = new Map();
  for (const dir of ROOTS) {
    const full = path.join(root, dir);
    if (!fs.existsSync(full)) continue;
    for (const entry of fs.readdirSync(full, { withFileTypes: true, recursive: true })) {
      if (!entry.isFile() || !SOURCE.test(entry.name)) continue;
      const file = path.join(entry.parentPath, entry.name);
      files.set(path.relative(root, file).split(path.sep).join('/'), fs.readFileSync(file, 'utf8'));
    }
  }
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const cycles = findCycles(importGraph(sourceFiles(root)));
  for (const { cycle, files } of cycles) {
    console.error(`Import cycle (type-only imports count): ${cycle.join(' → ')}`);
    if (files.length > cycle.length - 1) console.error(`  in a knot of ${files.length} files: ${files.join(', ')}`);
  }
  if (cycles.length > 0) {
    console.error(`${cycles.length} import cycle${cycles.length === 1 ? '' : 's'}: give the module that closes each one a narrow port, or move what both sides use to a leaf module.`);
    process.exit(1);
  }
}
