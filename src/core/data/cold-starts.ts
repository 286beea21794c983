/**
 * Cold-start expectations shown in the comparison view. Lambda: INIT duration of a hello-world zip function
 * at 512 MB by runtime family, mean of the daily maxday/lambda-perf benchmark (10 cold starts per
 * configuration; excludes platform overhead, so what a client sees is higher; real applications with
 * frameworks are slower). Fargate: the time a new task needs before it serves. Both are estimates.
 */
import { type RuntimeFamily } from './runtimes.js';

interface ColdStartFigure {
  /** Typical INIT in ms (x86_64 / arm64), hello-world, zip, 512 MB. */
  x86_64Ms: number;
  arm64Ms: number;
  note?: string;
}

export const COLD_START_SOURCE = {
  title: 'maxday/lambda-perf daily data (data/2026-08-22.json)',
  url: 'https://maxday.github.io/lambda-perf/',
  date: '2026-08-22',
  confidence: 'estimate (third-party benchmark)',
};

/** Latest runtime of each family in the benchmark. */
export const LAMBDA_COLD_STARTS: Record<RuntimeFamily, ColdStartFigure> = {
  nodejs: { x86_64Ms: 131, arm64Ms: 114 },
  python: { x86_64Ms: 86, arm64Ms: 77 },
  java: { x86_64Ms: 231, arm64Ms: 245, note: 'hello-world; Java applications with frameworks take seconds without SnapStart (a few hundred ms with it)' },
  dotnet: { x86_64Ms: 247, arm64Ms: 247, note: 'Native AOT: about 80 ms' },
  ruby: { x86_64Ms: 252, arm64Ms: 286 },
  go: { x86_64Ms: 49, arm64Ms: 44, note: 'Go on provided.al2023' },
  provided: { x86_64Ms: 49, arm64Ms: 44, note: 'Go or Rust on provided.al2023: tens of ms' },
};

/** Container images start about 1.5 to 2.5 times slower than zip packages in the same benchmark. */
export const IMAGE_COLD_START_FACTOR = 2;

/** A new Fargate task: image pull, ENI, start-up (no AWS figure; a 2022 benchmark and common experience). */
export const FARGATE_TASK_START = { minSeconds: 30, maxSeconds: 60, confidence: 'estimate' };
