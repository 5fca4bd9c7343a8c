export type StartPlan = { shell: 'electron'; command: string } | { shell: 'served'; why: string };
export function startPlan(input: { binary: string | { missing: string }; native: { file: string; exists: boolean }; isRoot: boolean }): StartPlan;
export function electronEnv(env: Record<string, string | undefined>): Record<string, string | undefined>;
export function exitCodeOf(code: number | null, signal: string | null, signals?: Record<string, number>): number;
export function spawnFailure(error: unknown): string;
