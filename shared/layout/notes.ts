/**
 * Notes that keep apart: a note that grows pushes the notes under it down, and Tidy lines up a
 * set of notes in a grid. Pure; the canvas passes the sizes it measured.
 */
import type { Position, Size } from '../model/schemas';
import type { BoardDoc } from '../ops/doc';
import type { Op } from '../ops/ops';

/** Between notes pushed apart or tidied. */
const NOTE_GAP = 24;
const GRID = 16;
/** A note as nodes.css draws it with a line or two of text, before the canvas measures it. */
const NOTE_SIZE: Size = { width: 240, height: 190 };

interface Box extends Size {
  id: string;
  x: number;
  y: number;
}

const snapUp = (value: number) => Math.ceil(value / GRID) * GRID;

function noteBoxes(doc: BoardDoc, sizes: ReadonlyMap<string, Size>): Map<string, Box> {
  const boxes = new Map<string, Box>();
  for (const node of doc.nodes.values()) {
    if (node.kind === 'note') boxes.set(node.id, { id: node.id, ...node.position, ...(sizes.get(node.id) ?? node.size ?? NOTE_SIZE) });
  }
  return boxes;
}

/**
 * The moves that clear the notes `grown` now overlap: each note starting at or below a grown one
 * and overlapping it goes down to just under it, and pushes on what it then lands on in turn.
 * Notes only move down, so the cascade ends; a note beside the grown one is left where it is.
 */
export function pushDownOps(doc: BoardDoc, sizes: ReadonlyMap<string, Size>, grown: Iterable<string>): Op[] {
  const boxes = noteBoxes(doc, sizes);
  /** Where each note started: a pushed note clears what lay below its old top, which it now lands on. */
  const startY = new Map([...boxes.values()].map((b) => [b.id, b.y]));
  const moved = new Set<string>();
  const queue = [...grown].filter((id) => boxes.has(id));
  for (let steps = 0; queue.length && steps < boxes.size * boxes.size + 1; steps++) {
    const pusher = boxes.get(queue.shift()!)!;
    const bottom = pusher.y + pusher.height;
    for (const box of boxes.values()) {
      if (box === pusher || box.y < startY.get(pusher.id)! || box.y >= bottom || box.y + box.height <= pusher.y) continue;
      if (box.x >= pusher.x + pusher.width || pusher.x >= box.x + box.width) continue;
      box.y = snapUp(bottom + NOTE_GAP);
      moved.add(box.id);
      queue.push(box.id);
    }
  }
  return [...moved].map((id) => ({ type: 'node.move', id, position: { x: boxes.get(id)!.x, y: boxes.get(id)!.y } }));
}

/**
 * Tidy: the notes `ids` in a grid as square as it can be, in reading order (by their top, then
 * their left), from the top-left corner of where they are now. Each column is as wide as the
 * widest note, each row as tall as its tallest.
 */
export function tidyOps(doc: BoardDoc, sizes: ReadonlyMap<string, Size>, ids: Iterable<string>): Op[] {
  const all = noteBoxes(doc, sizes);
  const boxes = [...new Set(ids)].map((id) => all.get(id)).filter((b): b is Box => !!b);
  if (boxes.length < 2) return [];
  const left = Math.min(...boxes.map((b) => b.x));
  const top = Math.min(...boxes.map((b) => b.y));
  boxes.sort((a, b) => a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : 1));
  const columns = Math.ceil(Math.sqrt(boxes.length));
  const cellWidth = snapUp(Math.max(...boxes.map((b) => b.width)) + NOTE_GAP);
  const ops: Op[] = [];
  let y = top;
  for (let row = 0; row * columns < boxes.length; row++) {
    const inRow = boxes.slice(row * columns, (row + 1) * columns);
    inRow.forEach((box, column) => {
      const position: Position = { x: left + column * cellWidth, y };
      if (position.x !== box.x || position.y !== box.y) ops.push({ type: 'node.move', id: box.id, position });
    });
    y = snapUp(y + Math.max(...inRow.map((b) => b.height)) + NOTE_GAP);
  }
  return ops;
}
