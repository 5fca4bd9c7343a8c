import { z } from 'zod';
import { AgendaItem } from '../model/agenda';
import { BoardSettings } from '../model/board';
import { BoardEdge, EdgeData } from '../model/edges';
import { TimeSpan } from '../model/levels';
import { BoardNode, DecisionMakerData, FrameData, GoldenCircleData, NoteData, RoleData, StageData, TextData } from '../model/nodes';
import { Id, Position, Size, Title, Viewport, WorkshopDate } from '../model/schemas';
import { DocumentBoard, FORMAT_VERSION, GroundworkDocument, SessionDocument, TemplateDocument } from './document';

/** Where the published schema lives in the repository, from its root. */
export const JSON_SCHEMA_FILE = 'schema/groundwork.schema.json';

/** The parts of a document named in the schema's $defs, so a reader meets the words of the model. */
const NAMED = {
  SessionDocument,
  TemplateDocument,
  DocumentBoard,
  BoardSettings,
  BoardNode,
  RoleData,
  DecisionMakerData,
  GoldenCircleData,
  NoteData,
  StageData,
  FrameData,
  TextData,
  BoardEdge,
  EdgeData,
  AgendaItem,
  TimeSpan,
  Position,
  Size,
  Viewport,
  Id,
  Title,
  WorkshopDate,
} as const;

/**
 * The JSON Schema of a `.groundwork` file, generated from the zod schemas so it can never drift
 * from what import accepts. It describes the shape only: limits the schema cannot express
 * (duplicate ids, edges to missing nodes, the 20 MB cap) are checked by parseDocument.
 */
export function groundworkJsonSchema(): Record<string, unknown> {
  const names = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(NAMED)) names.add(schema, { id });
  const { $schema, ...generated } = z.toJSONSchema(GroundworkDocument, { io: 'input', target: 'draft-2020-12', metadata: names });
  return {
    $schema,
    title: 'Groundwork document (.groundwork, formerly .groundwork.json)',
    description: `A Groundwork session or template, format version ${FORMAT_VERSION}. Generated from shared/fileformat/document.ts; do not edit by hand.`,
    ...generated,
  };
}

/** The file's text exactly as committed: two-space indents and a final newline. */
export function groundworkJsonSchemaText(): string {
  return `${JSON.stringify(groundworkJsonSchema(), null, 2)}\n`;
}
