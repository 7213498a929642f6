/** One part of `npm run bench`: returns the lines it reports (throughput, quality, where time goes). */
export interface BenchSection {
  name: string;
  run(): Promise<string[]>;
}
