import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { groundworkJsonSchema, groundworkJsonSchemaText, JSON_SCHEMA_FILE } from '../../../shared/fileformat/schema';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const FILE = path.join(ROOT, JSON_SCHEMA_FILE);
const HOW_TO_UPDATE = `${JSON_SCHEMA_FILE} is not the schema generated from shared/fileformat/document.ts. If the format changed on purpose, regenerate it with:\n  UPDATE_SCHEMA=1 npx vitest run tests/unit/fileformat\nand commit it (a change that breaks old files also needs FORMAT_VERSION + 1 and an upgrade in shared/fileformat/upgrades.ts).`;

describe('the published JSON Schema of .groundwork files', () => {
  it('is the one generated from the zod schemas (UPDATE_SCHEMA=1 rewrites it)', () => {
    const generated = groundworkJsonSchemaText();
    if (process.env.UPDATE_SCHEMA === '1') {
      fs.mkdirSync(path.dirname(FILE), { recursive: true });
      fs.writeFileSync(FILE, generated);
    }
    const committed = fs.existsSync(FILE) ? fs.readFileSync(FILE, 'utf8') : '(missing)';
    expect(committed === generated, HOW_TO_UPDATE).toBe(true);
  });

  it('describes both kinds of document in JSON Schema 2020-12, with the model’s names for its parts', () => {
    type Node = { $ref?: string; properties: Record<string, { const?: unknown }> };
    const schema = groundworkJsonSchema() as { $schema: string; oneOf: Node[]; $defs: Record<string, Node> };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.oneOf).toEqual([{ $ref: '#/$defs/SessionDocument' }, { $ref: '#/$defs/TemplateDocument' }]);
    expect(schema.$defs.SessionDocument.properties.kind.const).toBe('session');
    expect(schema.$defs.TemplateDocument.properties.kind.const).toBe('template');
    expect(Object.keys(schema.$defs)).toEqual(expect.arrayContaining(['DocumentBoard', 'BoardNode', 'BoardEdge', 'AgendaItem', 'RoleData']));
    expect(Object.keys(schema.$defs).filter((name) => name.startsWith('__'))).toEqual([]);
  });
});
