export interface ElectronTarget {
  electronVersion: string;
  abi: string;
  platform: string;
  arch: string;
}
export const NATIVE_FILE: string;
export function nativeFolder(abi: string, platform: string, arch: string): string;
export function electronNativeFile(root: string, target: Pick<ElectronTarget, 'abi' | 'platform' | 'arch'>): string;
export function electronBuildEnv(env: Record<string, string | undefined>): Record<string, string | undefined>;
export function buildSteps(
  target: Pick<ElectronTarget, 'electronVersion' | 'platform' | 'arch'>,
  tools: { node: string; prebuildInstall: string; nodeGyp: string },
): { name: string; command: string[] }[];
export function cannotBuildMessage(target: ElectronTarget, file: string, failures: string[]): string;
export function archName(arch: number): string;
export function afterPackCheck(input: { hostPlatform: string; hostArch: string; targetPlatform: string; targetArch: string }): { run: true } | { run: false; why: string };
export function packedLayout(input: { appOutDir: string; platform: string; productFilename: string; executableName: string }): { executable: string; resources: string };
