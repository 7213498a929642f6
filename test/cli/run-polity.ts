import { spawn } from 'node:child_process';
import { packagePath } from '../../src/package-path.js';

export interface PolityRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI from source (`node --import tsx src/cli/main.ts …`) in the package root, `input` on its standard input. */
export function runPolity(args: string[], env: Record<string, string | undefined> = {}, input?: string): Promise<PolityRun> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', packagePath('src/cli/main.ts'), ...args], {
      cwd: packagePath('.'),
      env: { ...process.env, NO_COLOR: undefined, POLITY_DB: undefined, ...env },
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    if (input !== undefined) proc.stdin!.end(input);
    let stdout = '';
    let stderr = '';
    proc.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
    proc.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    proc.on('error', reject);
    proc.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
