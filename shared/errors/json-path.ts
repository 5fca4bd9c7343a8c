/** One step into a JSON value: an object's key or an array's index. */
export type Segment = string | number;

/**
 * A path as links to the parent, for walks over deep JSON that keep their own stack: copying
 * the whole path at every level would be quadratic.
 */
export interface PathLink {
  parent: PathLink | null;
  key: Segment;
}

export function segmentsOf(link: PathLink | null): Segment[] {
  const segments: Segment[] = [];
  for (let at = link; at; at = at.parent) segments.push(at.key);
  return segments.reverse();
}
