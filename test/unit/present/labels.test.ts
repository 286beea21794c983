// One wording per sentence: when Lambda and Fargate do not cross, the hover, the report and `crossover cost`
// (the report's note, which the view shows too) say it the same way.
import { describe, expect, test } from 'vitest';
import { resolveConfig } from '../../../src/core/config.js';
import { workloadComparison } from '../../../src/core/cost/comparison.js';
import { estimateWorkload } from '../../../src/core/cost/estimate.js';
import { priceBook } from '../../../src/core/cost/price-book.js';
import { resolveCostSettings } from '../../../src/core/cost/settings.js';
import { emptyUsage } from '../../../src/core/cost/usage-file.js';
import { analyzeText } from '../../../src/core/engine.js';
import { hoverMarkdown, reportMarkdown } from '../../../src/core/present/cost.js';

const TEMPLATE = `Transform: AWS::Serverless-2016-10-31
Resources:
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      MemorySize: 128
`;

describe('one wording', () => {
  test('no crossover: the hover and the report say what the CLI and the view say', () => {
    const model = analyzeText({ uri: 'file:///t/template.yaml', text: TEMPLATE }, resolveConfig({})).model!;
    const fn = model.functions[0]!;
    // A fleet fixed at 100,000 tasks costs more than the function up to 100 billion requests a month.
    const estimate = estimateWorkload({ kind: 'lambda-function', fn }, 'template.yaml', emptyUsage(), resolveCostSettings({ fargate: { tasks: 100_000 } }));
    expect(estimate.crossover.kind).toBe('lambda-cheaper-throughout');
    const note = workloadComparison(estimate, {}, {}).report.crossover.note!;
    expect(note).toMatch(/^Lambda is cheaper up to 100 billion requests a month$/);
    expect(hoverMarkdown('memory', estimate, priceBook('us-east-1'), { limits: resolveConfig({}).limits })).toContain(`\n\n${note}.`);
    expect(reportMarkdown(estimate, 'template.yaml')).toContain(`${note}.`);
  });
});
