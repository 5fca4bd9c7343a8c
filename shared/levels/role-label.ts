import type { TimeSpan } from '../model/levels';
import type { RoleData } from '../model/nodes';
import { parseTimeSpan, stratumForTimeSpan } from './strata';

interface RoleLabel {
  person: string;
  /** Absent when the text had no comma: the title stays as it was. */
  title?: string;
  timeSpan?: TimeSpan;
}

/** A time-span at the end of the text, after a comma: ", 18 months", ", 3y", ", 1,5 years". */
const TRAILING_TIME_SPAN = /,\s*(\d+(?:[.,]\d+)?\s*[a-z]+)\s*$/i;

/**
 * What a facilitator types into a role's label, as the room says it: "Dana Whitfield, VP Sales,
 * 18 months". The first comma splits the person from the title (a title may hold commas of its
 * own); a time-span after the last comma is read as one; a name with no comma is the person only.
 */
export function parseRoleLabel(text: string): RoleLabel {
  let rest = text;
  let timeSpan: TimeSpan | undefined;
  const trailing = TRAILING_TIME_SPAN.exec(rest);
  const parsed = trailing && parseTimeSpan(trailing[1]);
  if (trailing && parsed) {
    timeSpan = parsed;
    rest = rest.slice(0, trailing.index);
  }
  const comma = rest.indexOf(',');
  const label: RoleLabel = comma === -1 ? { person: rest.trim() } : { person: rest.slice(0, comma).trim(), title: rest.slice(comma + 1).trim() };
  if (timeSpan) label.timeSpan = timeSpan;
  return label;
}

/** The fields a typed label changes on a role: a time-span also gives the stratum when it has none. */
export function roleLabelPatch(text: string, role: Pick<RoleData, 'person' | 'title' | 'stratum' | 'timeSpan'>): Partial<RoleData> {
  const label = parseRoleLabel(text);
  const patch: Partial<RoleData> = {};
  if (label.person !== role.person) patch.person = label.person;
  if (label.title !== undefined && label.title !== role.title) patch.title = label.title;
  if (label.timeSpan) Object.assign(patch, timeSpanPatch(label.timeSpan, role));
  return patch;
}

/** Setting a time-span: the stratum follows it only when the role has none yet. */
export function timeSpanPatch(timeSpan: TimeSpan, role: Pick<RoleData, 'stratum' | 'timeSpan'>): Partial<RoleData> {
  const patch: Partial<RoleData> = {};
  if (role.timeSpan?.value !== timeSpan.value || role.timeSpan?.unit !== timeSpan.unit) patch.timeSpan = timeSpan;
  if (role.stratum === null) patch.stratum = stratumForTimeSpan(timeSpan);
  return patch;
}
