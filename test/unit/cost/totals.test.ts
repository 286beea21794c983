// Lambda's always-free tier (1M requests and 400,000 GB-s a month) is one per account: the workspace total
// subtracts it once, never each function.
import { describe, expect, test } from 'vitest';
import { analyzeText } from '../../../src/core/engine.js';
import { resolveConfig } from '../../../src/core/config.js';
import { resolveCostSettings } from '../../../src/core/cost/settings.js';
import { workspaceTotal } from '../../../src/core/cost/totals.js';
import { parseUsageFile } from '../../../src/core/cost/usage-file.js';
import { templateCosts } from '../../../src/core/cost/workloads.js';

const fn = (name: string) => `  ${name}:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      MemorySize: 1024
      Architectures: [x86_64]
`;
const TEMPLATE = `Transform: AWS::Serverless-2016-10-31\nResources:\n${fn('A')}${fn('B')}${fn('C')}`;
const USAGE = 'defaults:\n  requestsPerMonth: 1000000\n  averageDurationMs: 100\n';

describe('the free tier, once per account', () => {
  const model = analyzeText({ uri: 'file:///t/template.yaml', text: TEMPLATE }, resolveConfig({})).model!;
  const usage = parseUsageFile('crossover.usage.yml', USAGE);
  const costs = (freeTier: boolean) => templateCosts(model, 'template.yaml', usage, resolveCostSettings({ freeTier })).functions.map((f) => f.estimate);

  test('no function subtracts it on its own', () => {
    for (const e of costs(true)) expect(e.typical.lambda.breakdown.freeTierCredit).toBe(0);
  });

  test('the workspace total subtracts 1M requests and 400,000 GB-s once', () => {
    // Each function: 1M requests x $0.20/M = $0.20; 1M x 0.1 s x 1 GB = 100,000 GB-s x $0.0000166667 = $1.66667.
    // Three functions: $0.60 + $5.00 = $5.60 a month. The account's free tier covers the first 1M requests ($0.20)
    // and, here, all 300,000 GB-s ($5.00): the bill is $0.40. Subtracted per function it would have been $0.00.
    const estimates = costs(true);
    const sum = estimates.reduce((a, e) => a + e.typical.lambda.monthlyUsd, 0);
    expect(sum).toBeCloseTo(5.6, 4);
    const total = workspaceTotal(estimates, true);
    expect(total.freeTierCredit).toBeCloseTo(-(0.2 + 300_000 * 0.0000166667), 6);
    expect(total.lambda).toBeCloseTo(0.4, 4);
    expect(total.functions).toBe(3);
    // Off: nothing subtracted.
    expect(workspaceTotal(costs(false), false).lambda).toBeCloseTo(5.6, 4);
  });
});
