export function importGraph(files: Map<string, string>): Map<string, string[]>;
export function findCycles(graph: Map<string, string[]>): { cycle: string[]; files: string[] }[];
