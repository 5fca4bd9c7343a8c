import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TemplateDocument, type DocumentBoard } from '../../../shared/fileformat/document';
import { arrangeByLevels } from '../../../shared/layout/arrange-by-levels';
import { STRATUM_BANDS } from '../../../shared/levels/bands';
import { checkBoard } from '../../../shared/levels/checks';
import { allowedEdgeKinds, type BoardNode, type NodeKind, type Size } from '../../../shared/model';
import { createDoc } from '../../../shared/ops';
import { BUILT_IN_TEMPLATES } from '../../../shared/templates';

/**
 * How much room each content-sized kind takes on the canvas at zoom 1, written out here rather
 * than taken from the templates' builder, so shrinking a footprint there cannot hide an overlap.
 */
const FOOTPRINT: Partial<Record<NodeKind, Size>> = {
  role: { width: 200, height: 90 },
  decisionMaker: { width: 310, height: 200 },
  note: { width: 240, height: 140 },
  stage: { width: 300, height: 150 },
  text: { width: 600, height: 56 },
};

interface Box {
  id: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

function boxOf(node: BoardNode): Box {
  const size = node.size ?? FOOTPRINT[node.kind];
  if (!size) throw new Error(`${node.id}: a ${node.kind} needs a size`);
  return { id: node.id, left: node.position.x, top: node.position.y, right: node.position.x + size.width, bottom: node.position.y + size.height };
}

const overlap = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const contains = (outer: Box, inner: Box) => inner.left >= outer.left && inner.right <= outer.right && inner.top >= outer.top && inner.bottom <= outer.bottom;

function overlappingPairs(boxes: Box[]): string[] {
  const pairs: string[] = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) if (overlap(boxes[i], boxes[j])) pairs.push(`${boxes[i].id} × ${boxes[j].id}`);
  return pairs;
}

const frames = (board: DocumentBoard) => board.nodes.filter((n) => n.kind === 'frame');
const cards = (board: DocumentBoard) => board.nodes.filter((n) => n.kind !== 'frame');
const nodesOf = <K extends NodeKind>(board: DocumentBoard, kind: K) => board.nodes.filter((n): n is Extract<BoardNode, { kind: K }> => n.kind === kind);
const frameTitled = (board: DocumentBoard, title: string) => nodesOf(board, 'frame').find((f) => f.data.title === title)!;

/** Findings the built-ins leave on purpose, for the room to talk about; every other board has none. */
const EXPECTED_FINDINGS: Record<string, string[]> = {
  // Three people are mapped, so the user is missing, and Tom is the only supporter: both are
  // questions the "Trace the influence" step asks the room.
  'low-decision-makers': ['purchase-roles-missing', 'single-contact'],
};

const template = (id: string) => BUILT_IN_TEMPLATES.find((t) => t.id === id)!.document;
const boardOf = (id: string, boardId: string) => template(id).boards.find((b) => b.id === boardId)!;

describe('built-in templates', () => {
  it('offers the five workshop formats under stable, distinct ids', () => {
    expect(BUILT_IN_TEMPLATES.map((t) => t.id)).toEqual([
      'builtin-levels-of-work',
      'builtin-start-with-why',
      'builtin-beyond-marketing-and-sales',
      'builtin-rhythm-of-the-sale',
      'builtin-strategy-meets-sales',
    ]);
    expect(new Set(BUILT_IN_TEMPLATES.map((t) => t.document.template.name)).size).toBe(5);
  });

  describe.each(BUILT_IN_TEMPLATES.map((t) => [t.id, t.document] as const))('%s', (_id, document) => {
    it('parses as a template file, every text within its schema limit', () => {
      const result = TemplateDocument.safeParse(document);
      expect(result.error?.issues ?? []).toEqual([]);
      expect(result.data).toEqual(document);
    });

    it('cannot be changed in place by a caller', () => {
      expect(Object.isFrozen(document)).toBe(true);
      expect(Object.isFrozen(document.boards[0].nodes[0].position)).toBe(true);
      expect(() => document.agenda.push(document.agenda[0])).toThrow(TypeError);
    });

    it('survives a JSON round trip unchanged, as a file export writes it', () => {
      expect(JSON.parse(JSON.stringify(document))).toEqual(document);
    });

    it('uses each id once across boards, nodes, edges and agenda items', () => {
      const ids = [...document.boards.flatMap((b) => [b.id, ...b.nodes.map((n) => n.id), ...b.edges.map((e) => e.id)]), ...document.agenda.map((a) => a.id)];
      expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    });

    it('joins only nodes of the same board, with an edge kind those nodes allow', () => {
      for (const board of document.boards) {
        const kindOf = new Map(board.nodes.map((n) => [n.id, n.kind]));
        for (const edge of board.edges) {
          const [source, target] = [kindOf.get(edge.source), kindOf.get(edge.target)];
          expect(source && target, `${edge.id} joins nodes on ${board.id}`).toBeTruthy();
          expect(allowedEdgeKinds(source!, target!), edge.id).toContain(edge.kind);
          expect(edge.data.strength === null, `${edge.id}: only influences carry a strength`).toBe(edge.kind !== 'influences');
        }
      }
    });

    it('points every agenda item at one of its boards, and any frame at a frame on that board', () => {
      for (const item of document.agenda) {
        const board = document.boards.find((b) => b.id === item.boardId);
        expect(board, `${item.id} names a board`).toBeDefined();
        if (item.frameId !== null) expect(frames(board!).map((f) => f.id), item.id).toContain(item.frameId);
      }
    });

    it('gives every board an agenda item', () => {
      const used = new Set(document.agenda.map((a) => a.boardId));
      expect(document.boards.map((b) => b.id).filter((id) => !used.has(id))).toEqual([]);
    });

    it('lays each board out with no two cards and no two frames overlapping', () => {
      for (const board of document.boards) {
        expect(overlappingPairs(cards(board).map(boxOf)), board.id).toEqual([]);
        expect(overlappingPairs(frames(board).map(boxOf)), board.id).toEqual([]);
      }
    });

    it('keeps every card that touches a frame wholly inside it', () => {
      for (const board of document.boards) {
        for (const frame of frames(board).map(boxOf)) {
          const spilling = cards(board)
            .map(boxOf)
            .filter((card) => overlap(frame, card) && !contains(frame, card));
          expect(spilling.map((c) => c.id), `${frame.id} on ${board.id}`).toEqual([]);
        }
      }
    });

    it('leaves the live checks only the findings meant for the room, with roles in their stratum bands', () => {
      for (const board of document.boards) {
        const findings = checkBoard(createDoc(board.nodes, board.edges));
        expect(findings.map((f) => f.code), board.id).toEqual(EXPECTED_FINDINGS[board.id] ?? []);
        const roles = nodesOf(board, 'role');
        if (roles.length) expect(board.settings.strataBands, `${board.id} has roles, so it is an org map`).toBe(true);
        for (const role of roles) {
          const band = STRATUM_BANDS.find((b) => b.stratum === role.data.stratum);
          expect(band, `${role.id} has a stratum`).toBeDefined();
          const box = boxOf(role);
          expect(box.top >= band!.top && box.bottom <= band!.bottom, `${role.id} sits inside band ${band!.label}`).toBe(true);
        }
      }
    });

    it('plans 3 to 10 steps lasting 120 to 360 minutes in all, each with 2 to 4 prompts', () => {
      const { agenda } = document;
      expect(agenda.length).toBeGreaterThanOrEqual(3);
      expect(agenda.length).toBeLessThanOrEqual(10);
      const total = agenda.reduce((sum, item) => sum + item.timeboxMinutes, 0);
      expect(total).toBeGreaterThanOrEqual(120);
      expect(total).toBeLessThanOrEqual(360);
      for (const item of agenda) {
        expect(item.prompts.length, item.id).toBeGreaterThanOrEqual(2);
        expect(item.prompts.length, item.id).toBeLessThanOrEqual(4);
      }
    });

    it('describes in two or three sentences who it is for and what the group leaves with', () => {
      const sentences = document.template.description.split(/(?<=[.!?])\s+/).filter(Boolean);
      expect(sentences.length).toBeGreaterThanOrEqual(2);
      expect(sentences.length).toBeLessThanOrEqual(3);
      expect(document.template.description).toMatch(/^For /);
      expect(document.template.description).toMatch(/ leaves /);
    });

    it('keeps texts short enough to read on their cards from the back of the room', () => {
      for (const board of document.boards) {
        for (const node of board.nodes) {
          // A heading stays on one line (36px, up to 960 wide); a note fits four lines, a stage's three.
          if (node.kind === 'text') expect(node.data.text.length, node.id).toBeLessThanOrEqual(48);
          if (node.kind === 'note') expect(node.data.text.length, node.id).toBeLessThanOrEqual(80);
          if (node.kind === 'stage') expect(node.data.notes.length, node.id).toBeLessThanOrEqual(70);
        }
      }
      for (const item of document.agenda) for (const prompt of item.prompts) expect(prompt.length, item.id).toBeLessThanOrEqual(120);
    });

    it('starts every note at zero votes, for the room to cast', () => {
      const votes = document.boards.flatMap((b) => nodesOf(b, 'note').map((n) => n.data.votes));
      expect(votes.every((v) => v === 0)).toBe(true);
    });
  });
});

describe('Levels of work & pattern recognition', () => {
  const orgMap = boardOf('builtin-levels-of-work', 'low-org-map');

  it('draws a worked example of six roles, every manager one stratum above each report', () => {
    const roles = nodesOf(orgMap, 'role');
    expect(roles).toHaveLength(6);
    const stratum = new Map(roles.map((r) => [r.id, r.data.stratum!]));
    const lines = orgMap.edges.filter((e) => e.kind === 'reports-to');
    expect(lines).toHaveLength(5);
    for (const line of lines) expect(stratum.get(line.source)! - stratum.get(line.target)!, line.id).toBe(1);
  });

  it('places roles where arranging by levels would, so arranging moves nobody up or down', () => {
    const doc = createDoc(orgMap.nodes, orgMap.edges);
    for (const op of arrangeByLevels(doc)) {
      if (op.type !== 'node.move') continue;
      expect(op.position.y, op.id).toBe(doc.nodes.get(op.id)!.position.y);
    }
  });

  it('maps three decision-makers of one purchase, with challenges and the influence between them', () => {
    const board = boardOf('builtin-levels-of-work', 'low-decision-makers');
    const people = nodesOf(board, 'decisionMaker');
    expect(people.map((p) => p.data.purchaseRole)).toEqual(['economic-buyer', 'champion', 'technical-evaluator']);
    expect(new Set(people.map((p) => p.data.stance))).toEqual(new Set(['supporter', 'neutral', 'sceptic']));
    expect(people.every((p) => p.data.challenge && p.data.progress && p.data.stratum)).toBe(true);
    expect(board.edges.filter((e) => e.kind === 'influences')).toHaveLength(2);
    const centre = boxOf(frameTitled(board, 'Buying centre'));
    expect(people.every((p) => contains(centre, boxOf(p)))).toBe(true);
  });

  it('sorts the example signals into the frame of their category', () => {
    const board = boardOf('builtin-levels-of-work', 'low-signals');
    const frameFor = { 'weak-signal': 'Weak signals', 'strong-attractor': 'Strong attractors', story: 'Stories' } as const;
    const notes = nodesOf(board, 'note');
    expect(new Set(notes.map((n) => n.data.category))).toEqual(new Set(Object.keys(frameFor)));
    for (const note of notes) {
      const title = frameFor[note.data.category as keyof typeof frameFor];
      expect(contains(boxOf(frameTitled(board, title)), boxOf(note)), note.id).toBe(true);
    }
  });
});

describe('the other formats', () => {
  it('Start with why: one golden circle asking questions, and value and waste side by side', () => {
    const [circleBoard, sorting] = template('builtin-start-with-why').boards;
    const circles = nodesOf(circleBoard, 'goldenCircle');
    expect(circles).toHaveLength(1);
    for (const ring of ['why', 'how', 'what'] as const) expect(circles[0].data[ring]).toMatch(/\?$/);
    const [value, waste] = [boxOf(frameTitled(sorting, 'Value')), boxOf(frameTitled(sorting, 'Waste'))];
    expect(value.top).toBe(waste.top);
    expect(value.right).toBeLessThan(waste.left);
    for (const note of nodesOf(sorting, 'note')) expect(contains(note.data.category === 'value' ? value : waste, boxOf(note)), note.id).toBe(true);
  });

  it('Beyond marketing and sales: seven steps in order, left to right, joined by flow', () => {
    const [board] = template('builtin-beyond-marketing-and-sales').boards;
    const stages = nodesOf(board, 'stage');
    expect(stages.map((s) => s.data.title)).toEqual(['Make', 'Wordsmine', 'Share words', 'Attract and search', 'Attune', 'Educate', 'Close']);
    expect(stages.map((s) => s.data.step)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(stages.every((s, i) => i === 0 || s.position.x > stages[i - 1].position.x)).toBe(true);
    expect(board.edges.filter((e) => e.kind === 'flow').map((e) => [e.source, e.target])).toEqual(stages.slice(1).map((s, i) => [stages[i].id, s.id]));
    expect(frameTitled(board, 'Current activities')).toBeDefined();
  });

  it('Rhythm of the sale: five moves in flow, each with its own frame below it, under the deal’s heading', () => {
    const [board] = template('builtin-rhythm-of-the-sale').boards;
    const stages = nodesOf(board, 'stage');
    expect(stages.map((s) => s.data.title)).toEqual(['Be aware', 'Be responsive', 'Be flexible', 'Be patient', 'Be guiding']);
    expect(board.edges.filter((e) => e.kind === 'flow')).toHaveLength(4);
    for (const stage of stages) {
      const frame = boxOf(frameTitled(board, stage.data.title));
      const box = boxOf(stage);
      expect(frame.top, stage.id).toBeGreaterThan(box.bottom);
      expect(box.left >= frame.left && box.right <= frame.right, stage.id).toBe(true);
    }
    expect(nodesOf(board, 'text').map((t) => t.data.text)).toContainEqual(expect.stringMatching(/^Deal under review/));
  });

  it('Strategy meets sales: strategy, field feedback, and a loop that runs both ways between strategists and sellers', () => {
    const [strategy, field, loop] = template('builtin-strategy-meets-sales').boards;
    expect(frames(strategy).map((f) => f.data.title)).toEqual(['Strategy', 'Target priorities', 'The big picture']);
    expect(frames(field).map((f) => f.data.title)).toEqual(['What customers say', 'What we hear from the field']);
    const side = (id: string) => {
      const node = loop.nodes.find((n) => n.id === id)!;
      return ['Strategists', 'Sellers'].find((title) => contains(boxOf(frameTitled(loop, title)), boxOf(node)));
    };
    const crossings = loop.edges.filter((e) => e.kind === 'relates').map((e) => `${side(e.source)} → ${side(e.target)}`);
    expect(crossings).toContain('Strategists → Sellers');
    expect(crossings).toContain('Sellers → Strategists');
    // Following the edges from any note leads back to it: a loop, not two one-way lines.
    const next = new Map(loop.edges.map((e) => [e.source, e.target]));
    const start = loop.edges[0].source;
    let at = next.get(start);
    for (let steps = 0; at !== start && at !== undefined && steps < loop.edges.length; steps++) at = next.get(at);
    expect(at).toBe(start);
  });
});

// --- Our own words: the seed articles inspire the templates, they are not copied into them ---

const SEEDS_DIR = process.env.GROUNDWORK_SEEDS_DIR ?? path.resolve(import.meta.dirname, '../../../../shared/seeds');
const RUN = 8;

/** Lower case, curly quotes folded, contractions joined, punctuation dropped: only the words remain. */
function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[’‘'`]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Every string in the document, ids and enum values included: harmless, and nothing slips past. */
function textsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(textsOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(textsOf);
  return [];
}

const runsOf = (list: string[]) => list.slice(0, Math.max(0, list.length - RUN + 1)).map((_, i) => list.slice(i, i + RUN).join(' '));

/**
 * The seed articles belong to the handbook beside the repo (or GROUNDWORK_SEEDS_DIR), and are never
 * copied into it. CI always has them, so there this check must run. A clone without the handbook
 * has nothing to compare the templates against, and says so instead of passing quietly.
 */
const SEEDS_PRESENT = existsSync(SEEDS_DIR);
const SEEDS_MISSING = `the seed articles are not at ${SEEDS_DIR}: they come with the handbook, not the repo`;
const RUN_ELSEWHERE = 'To run it, point GROUNDWORK_SEEDS_DIR at the handbook’s seeds folder: GROUNDWORK_SEEDS_DIR=/path/to/handbook/seeds npx vitest run tests/unit/templates/built-ins.test.ts';
if (!SEEDS_PRESENT && process.env.CI) throw new Error(`CI must check the templates’ wording, but ${SEEDS_MISSING}. ${RUN_ELSEWHERE}`);
if (!SEEDS_PRESENT) console.log(`Template wording check skipped: ${SEEDS_MISSING}. ${RUN_ELSEWHERE}`);

describe.skipIf(!SEEDS_PRESENT)('the templates’ own words', () => {
  const seeds = SEEDS_PRESENT ? readdirSync(SEEDS_DIR).map((file) => readFileSync(path.join(SEEDS_DIR, file), 'utf8')) : [];
  const seedSentences = seeds.flatMap((seed) => seed.split(/[.!?\n]+/)).map(words).filter((w) => w.length >= RUN).map((w) => ` ${w.join(' ')} `);
  const seedRuns = new Set(seeds.flatMap((seed) => runsOf(words(seed))));
  const normalised = (texts: string[]) => texts.map((text) => ` ${words(text).join(' ')} `);
  const copiedSentences = (texts: string[]) => seedSentences.filter((sentence) => normalised(texts).some((text) => text.includes(sentence)));
  const copiedRuns = (texts: string[]) => normalised(texts).flatMap((text) => runsOf(text.trim().split(' '))).filter((run) => seedRuns.has(run));
  const templateTexts = BUILT_IN_TEMPLATES.flatMap((t) => textsOf(t.document));

  it('reads the seed articles, and would catch a sentence copied from them in other case and punctuation', () => {
    expect(seedSentences.length).toBeGreaterThan(0);
    const [sentence] = seedSentences;
    const pasted = `Prompt: ${sentence.trim().toUpperCase().replace(/ /g, ', ')}!`;
    expect(copiedSentences([pasted])).toEqual([sentence]);
    expect(copiedRuns([pasted]).length).toBeGreaterThan(0);
  });

  it(`contains no sentence of ${RUN} or more words from a seed article`, () => {
    expect(copiedSentences(templateTexts)).toEqual([]);
  });

  it(`shares no run of ${RUN} words in a row with a seed article`, () => {
    expect(copiedRuns(templateTexts)).toEqual([]);
  });
});
