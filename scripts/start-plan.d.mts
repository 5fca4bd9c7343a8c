export type StartPlan = { shell: 'electron'; command: string } | { shell: 'served'; why: string };
export function startPlan(input: { binary: string | { missing: string }; native: { file: string; exists: boolean }; isRoot: boolean }): StartPlan;
export function electronEnv(env: Record<string, string | undefined>): Record<string, string | undefined>;
export function exitCodeOf(code: number | null, signal: string | null, signals?: Record<string, number>): number;
export function spawnFailure(error: unknown): string;
export const START_WINDOW_MS: number;
export function afterElectronExit(
  exit: { code: number | null; signal: string | null; ranMs: number; stoppedByUser: boolean },
  signals?: Record<string, number>,
): { action: 'exit'; code: number } | { action: 'serve'; why: string };
