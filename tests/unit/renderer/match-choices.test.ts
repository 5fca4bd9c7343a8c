import { describe, expect, it } from 'vitest';
import { matchChoices } from '../../../renderer/canvas/match-choices';

const roles = [
  { id: 'helen', label: 'Helen Cho', detail: 'CEO' },
  { id: 'dana', label: 'Dana Whitfield', detail: 'VP Sales' },
  { id: 'sam', label: 'Sam Ortiz', detail: 'Regional manager' },
  { id: 'omar', label: 'Omar Haddad', detail: 'VP Marketing' },
];
const ids = (query: string) => matchChoices(roles, query).map((c) => c.id);

describe('the type-ahead list', () => {
  it('lists every choice before anything is typed', () => {
    expect(ids('')).toEqual(['helen', 'dana', 'sam', 'omar']);
  });

  it('puts a name that starts with the text first, then any word that does, then any match at all', () => {
    expect(ids('d')).toEqual(['dana', 'omar']);
    expect(ids('vp')).toEqual(['dana', 'omar']);
    expect(ids('whit')).toEqual(['dana']);
    expect(ids('ana')).toEqual(['dana', 'sam']); // in "Dana" and in "Regional manager"
    expect(ids('ortiz')).toEqual(['sam']);
  });

  it('ignores case and spaces around the text, and finds nothing for text nobody has', () => {
    expect(ids('  HELEN ')).toEqual(['helen']);
    expect(ids('zed')).toEqual([]);
  });
});
