import { describe, expect, it } from 'vitest';
import { newJoinCode, hashToken, newToken, sameCode } from '../../main/room/codes';
import { configureRoom, roomAddresses } from '../../main/room/config';
import { inboxOps, INBOX_TITLE } from '../../main/room/inbox';
import { estimateNoteHeight, wrappedLines } from '../../shared/layout/note-size';
import { RateLimiter } from '../../main/room/rate-limit';
import { roomPdf } from '../../main/room/room-pdf';
import { JoinCode } from '../../shared/model/room';
import type { BoardNode } from '../../shared/model';
import { applyOps, createDoc } from '../../shared/ops';
import { qrPath } from '../../renderer/room/qr-path';
import { noteNode, sampleNode } from '../helpers/sample';

type Box = { x: number; y: number; width: number; height: number };
const boxOf = (node: BoardNode): Box => ({
  ...node.position,
  width: node.size?.width ?? 240,
  height: node.size?.height ?? (node.kind === 'note' ? estimateNoteHeight(node.data) : 80),
});
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (a: Box, b: Box) => a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;

describe('the Inbox', () => {
  it('makes the frame beside the content when missing, and places notes inside it without overlap', () => {
    const existing = [noteNode({ position: { x: 0, y: 0 } }), sampleNode('frame', { position: { x: 300, y: -50 }, size: { width: 400, height: 300 } })];
    const doc = createDoc(existing);
    const texts = Array.from({ length: 23 }, (_, i) => ({ text: 'word '.repeat(i * 3 + 1).trim(), category: 'idea' as const }));
    const { ops, nodeIds } = inboxOps([...doc.nodes.values()], texts);
    applyOps(doc, ops);
    const frame = [...doc.nodes.values()].find((n) => n.kind === 'frame' && n.data.title === INBOX_TITLE)!;
    expect(frame.position.x).toBeGreaterThan(700);
    expect(nodeIds).toHaveLength(23);
    const placed = nodeIds.map((id) => doc.nodes.get(id)!);
    expect(placed.map((n) => (n.kind === 'note' ? n.data.text : null))).toEqual(texts.map((t) => t.text));
    for (const [i, a] of placed.entries()) {
      expect(inside(boxOf(a), boxOf(frame))).toBe(true);
      for (const b of placed.slice(i + 1)) expect(overlap(boxOf(a), boxOf(b))).toBe(false);
      for (const other of existing) expect(overlap(boxOf(a), boxOf(other))).toBe(false);
    }
  });

  it('adds to the existing Inbox below what is already in it, growing the frame', () => {
    const doc = createDoc();
    applyOps(doc, inboxOps([], [{ text: 'first', category: 'story' }]).ops);
    const second = inboxOps([...doc.nodes.values()], Array.from({ length: 12 }, () => ({ text: 'again', category: 'idea' as const })));
    expect(second.ops.filter((op) => op.type === 'node.add' && op.node.kind === 'frame')).toEqual([]);
    applyOps(doc, second.ops);
    const nodes = [...doc.nodes.values()];
    const frame = nodes.find((n) => n.kind === 'frame')!;
    const notes = nodes.filter((n) => n.kind === 'note');
    expect(notes).toHaveLength(13);
    for (const [i, a] of notes.entries()) {
      expect(inside(boxOf(a), boxOf(frame))).toBe(true);
      for (const b of notes.slice(i + 1)) expect(overlap(boxOf(a), boxOf(b))).toBe(false);
    }
  });

  it('places a note below a named or hidden note of an earlier commit clear of its name and mark', () => {
    const doc = createDoc();
    applyOps(doc, inboxOps([], [{ text: 'Budgets move to Q3', category: 'idea', author: 'Ana', hidden: true }]).ops);
    applyOps(doc, inboxOps([...doc.nodes.values()], Array.from({ length: 9 }, () => ({ text: 'again', category: 'idea' as const, author: 'Ben' }))).ops);
    const notes = [...doc.nodes.values()].filter((n) => n.kind === 'note');
    const [first] = notes;
    const below = notes.find((n) => n !== first && n.position.x === first.position.x)!;
    expect(below.position.y).toBeGreaterThanOrEqual(first.position.y + estimateNoteHeight({ text: 'Budgets move to Q3', category: 'idea', author: 'Ana', hidden: true }));
    for (const [i, a] of notes.entries()) for (const b of notes.slice(i + 1)) expect(overlap(boxOf(a), boxOf(b))).toBe(false);
  });
});

describe('a note’s lines as the projector wraps them', () => {
  // DejaVu Sans at 24px in the note's 212 px: 14 x a line, 8 capital Ws, 8 CJK characters.
  it('wraps word by word, breaks a word too long for a line, and starts each typed line anew', () => {
    expect(wrappedLines('Why?', 212)).toBe(1);
    expect(wrappedLines('The buyer fears the audit', 212)).toBe(2);
    expect(wrappedLines('word '.repeat(56).trim(), 212)).toBe(19);
    expect(wrappedLines('x'.repeat(280), 212)).toBe(20);
    expect(wrappedLines('x'.repeat(30), 212)).toBe(3);
    expect(wrappedLines(`ab ${'x'.repeat(30)}`, 212)).toBe(4);
    expect(wrappedLines('A\nB\n\nC', 212)).toBe(4);
  });

  it('counts capitals, the widest letters and CJK wider than lowercase', () => {
    expect(wrappedLines('x'.repeat(28), 212)).toBe(2);
    expect(wrappedLines('X'.repeat(28), 212)).toBe(3);
    expect(wrappedLines('W'.repeat(28), 212)).toBe(4);
    expect(wrappedLines('中'.repeat(20), 212)).toBe(3);
  });

  it('keeps every space, and a tab as four', () => {
    expect(wrappedLines('ab cd', 70)).toBe(1);
    expect(wrappedLines('ab  cd', 70)).toBe(2);
    expect(wrappedLines('\tabcd', 100)).toBe(1);
    expect(wrappedLines('\t\tabcd', 100)).toBe(2);
  });

  it('gives a named note its author’s lines, a hidden note its mark, and a long category its second line', () => {
    const note = { text: 'Budgets move to Q3', category: 'idea' as const };
    const plain = estimateNoteHeight(note);
    expect(estimateNoteHeight({ ...note, author: 'Ana' })).toBeGreaterThan(plain);
    expect(estimateNoteHeight({ ...note, author: 'Ana Maria de los Santos Ferreira' })).toBeGreaterThan(estimateNoteHeight({ ...note, author: 'Ana' }));
    expect(estimateNoteHeight({ ...note, hidden: true })).toBeGreaterThan(plain);
    expect(estimateNoteHeight({ ...note, category: 'strong-attractor' })).toBeGreaterThan(plain);
    expect(estimateNoteHeight({ ...note, category: 'weak-signal' })).toBe(plain);
  });
});

describe('join codes and tokens', () => {
  it('codes use the unambiguous alphabet and pass the schema, lower case or spaced too', () => {
    for (let i = 0; i < 200; i++) {
      const code = newJoinCode();
      expect(JoinCode.parse(code)).toBe(code);
      expect(code).not.toMatch(/[01OIL]/);
    }
    expect(JoinCode.safeParse(' k7m2qx ').success).toBe(true);
    expect(JoinCode.safeParse('K7M2Q0').success).toBe(false);
    expect(sameCode('K7M2QX', 'K7M2QX')).toBe(true);
    expect(sameCode('K7M2QX', 'K7M2QY')).toBe(false);
    expect(sameCode('K7M2QX', 'K7M2Q')).toBe(false);
  });

  it('tokens are long and random, and only their hash is kept', () => {
    const a = newToken();
    expect(a.length).toBeGreaterThanOrEqual(43);
    expect(newToken()).not.toBe(a);
    expect(hashToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(a)).not.toContain(a);
  });
});

describe('the rate limiter', () => {
  it('lets a burst up to its capacity through, refuses the rest, and refills with time', () => {
    let now = 0;
    const limiter = new RateLimiter(10, 2, () => now);
    expect(Array.from({ length: 15 }, () => limiter.take('ana')).filter(Boolean)).toHaveLength(10);
    expect(limiter.take('ben')).toBe(true);
    now += 1000;
    expect(limiter.allows('ana')).toBe(true);
    expect([limiter.take('ana'), limiter.take('ana'), limiter.take('ana')]).toEqual([true, true, false]);
  });
});

describe('room addresses', () => {
  const interfaces = {
    lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }],
    wlan0: [
      { address: '192.168.1.20', family: 'IPv4', internal: false },
      { address: 'fe80::1', family: 'IPv6', internal: false },
    ],
  } as unknown as Parameters<typeof roomAddresses>[1];

  it("offers the machine's own IPv4 addresses on a network, never loopback, or the pinned one alone", () => {
    configureRoom({ host: undefined });
    expect(roomAddresses({}, interfaces)).toEqual(['192.168.1.20']);
    expect(roomAddresses({ GROUNDWORK_ROOM_HOST: '127.0.0.2' }, interfaces)).toEqual(['127.0.0.2']);
  });
});

describe('the PDF for the room', () => {
  it('prints once for requests that come together, and again after a failure', async () => {
    let prints = 0;
    let fail = true;
    const pdf = roomPdf({
      print: async () => {
        prints++;
        if (fail) throw new Error('printer down');
        return new Uint8Array([1, 2, 3]);
      },
    });
    await expect(pdf('s_1')).rejects.toThrow('printer down');
    fail = false;
    const [a, b] = await Promise.all([pdf('s_1'), pdf('s_1')]);
    expect(a).toBe(b);
    expect(prints).toBe(2);
  });
});

describe('the QR code', () => {
  it('draws one square per dark module, with the finder pattern in the corner', () => {
    const { path, size } = qrPath('http://192.168.1.20:5418/#code=K7M2QX');
    expect(size).toBeGreaterThanOrEqual(25);
    const squares = [...path.matchAll(/M(\d+) (\d+)h1v1h-1z/g)].map((m) => `${m[1]},${m[2]}`);
    expect(squares.length).toBe(path.split('M').length - 1);
    const dark = new Set(squares);
    // The top-left finder: a 7×7 ring with a 3×3 centre, after the 2-module border.
    for (let i = 0; i < 7; i++) {
      expect(dark.has(`${2 + i},2`)).toBe(true);
      expect(dark.has(`2,${2 + i}`)).toBe(true);
    }
    expect(dark.has('3,3')).toBe(false);
    expect(dark.has('5,5')).toBe(true);
  });
});

describe('serve --room-host', () => {
  it('takes an IPv4 address and refuses anything else', async () => {
    const { parseArgs, UsageError } = await import('../../main/cli/args');
    expect(parseArgs(['serve', '--room-host', '127.0.0.2'])).toMatchObject({ command: 'serve', roomHost: '127.0.0.2' });
    expect(parseArgs(['serve'])).not.toHaveProperty('roomHost');
    for (const bad of ['0.0.0.0.1', 'example.com', '300.1.1.1', '::1']) expect(() => parseArgs(['serve', '--room-host', bad])).toThrow(UsageError);
  });
});
