import { fromZodError, GroundworkError } from '../../shared/errors';
import { FORMAT, FORMAT_VERSION, TemplateDocument, type DocumentBoard, type SessionDocument } from '../../shared/fileformat/document';
import { parseDocument } from '../../shared/fileformat/validate';
import { expectedSize } from '../../shared/layout/expected-size';
import { LIMITS, newId, type BoardNode, type BoardPreview, type TemplateSummary } from '../../shared/model';
import { checkBoardCaps } from '../../shared/ops/apply';
import { BUILT_IN_TEMPLATES, type BuiltInTemplate } from '../../shared/templates';
import type { Db } from './db';
import { parseStoredJson } from './stored-text';

interface TemplateRow {
  id: string;
  name: string;
  description: string;
  document: string;
  created_at: number;
  updated_at: number;
}

interface SaveAsTemplate {
  name: string;
  description: string;
  boardIds: readonly string[];
  keepContent: boolean;
}

/**
 * Templates: the built-in ones ship with the code and are read-only; the facilitator's own live
 * in the templates table, each one frozen document. A session made from either gets a copy with
 * fresh ids, so editing it never touches the template.
 */
export class TemplateStore {
  private readonly sql;
  private readonly builtIns: ReadonlyMap<string, TemplateDocument>;
  private readonly checked = new Set<string>();

  constructor(db: Db, builtIns: readonly BuiltInTemplate[] = BUILT_IN_TEMPLATES) {
    this.builtIns = new Map(builtIns.map((t) => [t.id, t.document]));
    this.sql = {
      list: db.prepare('SELECT * FROM templates ORDER BY updated_at DESC, rowid DESC'),
      get: db.prepare('SELECT * FROM templates WHERE id = ?'),
      insert: db.prepare(
        'INSERT INTO templates (id, name, description, document, created_at, updated_at) VALUES (@id, @name, @description, @document, @created_at, @updated_at)',
      ),
      update: db.prepare('UPDATE templates SET name = @name, description = @description, document = @document, updated_at = @updated_at WHERE id = @id'),
      delete: db.prepare('DELETE FROM templates WHERE id = ?'),
    };
  }

  /** Built-ins first, in their order, then own templates, the last changed first. */
  list(query?: string): TemplateSummary[] {
    const words = (query ?? '').toLocaleLowerCase().split(/\s+/).filter(Boolean);
    const builtIn = [...this.builtIns].map(([id, document]) => templateSummary(id, document, true, 0));
    const own = (this.sql.list.all() as TemplateRow[]).map((row) => templateSummary(row.id, ownDocument(row), false, row.updated_at));
    return [...builtIn, ...own].filter((t) => {
      const haystack = `${t.name} ${t.description}`.toLocaleLowerCase();
      return words.every((w) => haystack.includes(w));
    });
  }

  isBuiltIn(id: string): boolean {
    return this.builtIns.has(id);
  }

  summary(id: string): TemplateSummary {
    const builtIn = this.builtIns.get(id);
    if (builtIn) return templateSummary(id, builtIn, true, 0);
    const row = this.row(id);
    return templateSummary(id, ownDocument(row), false, row.updated_at);
  }

  /** The template as a document, ready to export or to make a session from. */
  document(id: string): TemplateDocument {
    const document = this.builtIns.has(id) ? this.checkedBuiltIn(id) : ownDocument(this.row(id));
    return { ...structuredClone(document), exportedAt: new Date().toISOString() };
  }

  /**
   * Adds a document as an own template; its exportedAt becomes the time it was added. It is checked
   * as the list reads it back, so a template that could not be listed is refused here instead.
   */
  insert(document: TemplateDocument): TemplateSummary {
    document.boards.forEach((board, b) => checkBoardCaps(board.nodes.length, board.edges.length, `board “${board.title}” holds`, ['boards', b]));
    const checked = TemplateDocument.safeParse(document);
    if (!checked.success) throw fromZodError(checked.error);
    const id = newId('t');
    const now = Date.now();
    this.sql.insert.run({
      id,
      name: document.template.name,
      description: document.template.description,
      document: JSON.stringify({ ...document, exportedAt: new Date(now).toISOString() }),
      created_at: now,
      updated_at: now,
    });
    return this.summary(id);
  }

  update(id: string, patch: { name?: string; description?: string }): TemplateSummary {
    this.refuseBuiltIn(id, 'changed');
    const document = ownDocument(this.row(id));
    const template = { name: patch.name ?? document.template.name, description: patch.description ?? document.template.description };
    this.sql.update.run({ id, ...template, document: JSON.stringify({ ...document, template }), updated_at: Date.now() });
    return this.summary(id);
  }

  duplicate(id: string, name?: string): TemplateSummary {
    const document = this.document(id);
    return this.insert({ ...document, template: { ...document.template, name: name ?? `${document.template.name} (copy)`.slice(0, LIMITS.title) } });
  }

  delete(id: string): void {
    this.refuseBuiltIn(id, 'deleted');
    this.row(id);
    this.sql.delete.run(id);
  }

  private row(id: string): TemplateRow {
    const row = this.sql.get.get(id) as TemplateRow | undefined;
    if (!row) throw new GroundworkError('not_found', `No template with id ${id}`, ['id']);
    return row;
  }

  private refuseBuiltIn(id: string, what: 'changed' | 'deleted'): void {
    const builtIn = this.builtIns.get(id);
    if (builtIn) {
      throw new GroundworkError('forbidden', `“${builtIn.template.name}” is a built-in template and cannot be ${what}; duplicate it to make your own copy`, ['id']);
    }
  }

  /** Built-ins pass the same checks as an imported file, once, before their first use. */
  private checkedBuiltIn(id: string): TemplateDocument {
    const document = this.builtIns.get(id)!;
    if (!this.checked.has(id)) {
      const parsed = parseDocument(document);
      if (!parsed.ok) {
        const [first] = parsed.problems;
        throw new GroundworkError('internal', `The built-in template ${id} is broken at ${first.path}: ${first.message}`, ['id']);
      }
      this.checked.add(id);
    }
    return document;
  }
}

/** Rows are validated on the way out too: a hand-edited database fails loudly, not later. */
function ownDocument(row: TemplateRow): TemplateDocument {
  return TemplateDocument.parse(parseStoredJson(row.document));
}

const PREVIEW_NODES = 400;

/** Where the nodes of the template's first board sit: the gallery card draws it small. */
function boardPreview(board: DocumentBoard | undefined): BoardPreview {
  const nodes = (board?.nodes ?? []).slice(0, PREVIEW_NODES).map((node) => {
    const size = node.size ?? expectedSize(node.kind, node.data);
    return { kind: node.kind, x: node.position.x, y: node.position.y, width: size.width, height: size.height };
  });
  return { nodes };
}

function templateSummary(id: string, document: TemplateDocument, builtIn: boolean, updatedAt: number): TemplateSummary {
  return {
    id,
    name: document.template.name,
    description: document.template.description,
    builtIn,
    boardCount: document.boards.length,
    totalMinutes: document.agenda.reduce((sum, item) => sum + item.timeboxMinutes, 0),
    preview: boardPreview(document.boards[0]),
    updatedAt,
  };
}

/**
 * What "clear the content" keeps: the board's structure and the facilitator's prompts, none of
 * the workshop's answers. Kept: frames (titles too: they name the exercise and the agenda points
 * at them), heading texts, golden circles with their three rings blanked (the circle is the
 * exercise; its words are the answer), the edges between kept nodes, board settings and
 * viewports, and the whole agenda (titles, timeboxes, prompts, frame links). Dropped: roles,
 * decision-makers, notes, stages and label texts.
 */
function scaffoldOf(board: DocumentBoard): DocumentBoard {
  const nodes = board.nodes.filter(isScaffold).map(blanked);
  const kept = new Set(nodes.map((n) => n.id));
  return { ...board, nodes, edges: board.edges.filter((e) => kept.has(e.source) && kept.has(e.target)) };
}

function isScaffold(node: BoardNode): boolean {
  return node.kind === 'frame' || node.kind === 'goldenCircle' || (node.kind === 'text' && node.data.variant === 'heading');
}

function blanked(node: BoardNode): BoardNode {
  return node.kind === 'goldenCircle' ? { ...node, data: { why: '', how: '', what: '' } } : node;
}

/**
 * A template of the chosen boards of an exported session, in the session's order, with the
 * agenda items that belong to them or to no board. Content is kept or cleared (scaffoldOf).
 */
export function templateFromSession(session: SessionDocument, choice: SaveAsTemplate): TemplateDocument {
  const inSession = new Set(session.boards.map((b) => b.id));
  choice.boardIds.forEach((id, index) => {
    if (!inSession.has(id)) throw new GroundworkError('not_found', `No board with id ${id} in this session`, ['boardIds', index]);
  });
  const chosen = new Set(choice.boardIds);
  const boards = session.boards.filter((b) => chosen.has(b.id)).map((b) => (choice.keepContent ? b : scaffoldOf(b)));
  return {
    format: FORMAT,
    version: FORMAT_VERSION,
    kind: 'template',
    exportedAt: new Date().toISOString(),
    template: { name: choice.name, description: choice.description },
    boards,
    agenda: session.agenda.filter((item) => item.boardId === null || chosen.has(item.boardId)),
  };
}
