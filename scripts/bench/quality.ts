import { evaluateGoldDir, formatReport } from '../../src/eval/index.js';
import { packagePath } from '../../src/package-path.js';
import type { BenchSection } from './lib/section.js';

/** Scores the default pipeline against the shared gold files (the seed article first of all). */
export const section: BenchSection = {
  name: 'quality',
  async run() {
    const report = await evaluateGoldDir(packagePath('../shared/gold'));
    return formatReport(report);
  },
};
