// The decision checklist and the equivalent configuration, computed for workloads of real templates.
import { describe, expect, test } from 'vitest';
import { resolveConfig } from '../../../src/core/config.js';
import { workloadComparison } from '../../../src/core/cost/comparison.js';
import { decide } from '../../../src/core/cost/decision.js';
import { fargateEquivalent, lambdaEquivalent } from '../../../src/core/cost/equivalent.js';
import { emptyUsage } from '../../../src/core/cost/usage-file.js';
import { estimateWorkload } from '../../../src/core/cost/estimate.js';
import { resolveCostSettings } from '../../../src/core/cost/settings.js';
import { analyzeText } from '../../../src/core/engine.js';

const config = resolveConfig({ now: new Date('2026-11-24T00:00:00Z') });
const settings = resolveCostSettings({});

function functionCase(template: string, id: string) {
  const model = analyzeText({ uri: 'file:///t/template.yaml', text: template }, config).model!;
  const fn = model.functions.find((f) => f.id === id)!;
  const estimate = estimateWorkload({ kind: 'lambda-function', fn }, 'template.yaml', emptyUsage(), settings);
  const data = workloadComparison(estimate, {}, {});
  return { fn, data, decision: decide({ fn }, data.scenario, data.report) };
}

const WORKER = `Transform: AWS::Serverless-2016-10-31
Resources:
  Jobs:
    Type: AWS::SQS::Queue
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: w.h
      Timeout: 60
      Events:
        Queue:
          Type: SQS
          Properties: {Queue: !GetAtt Jobs.Arn}
  Batch:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: java21
      Handler: b.B::h
      Timeout: 1000
`;

describe('the decision checklist', () => {
  test('an event-driven worker: answers with evidence on the template lines', () => {
    const { decision } = functionCase(WORKER, 'Worker');
    expect(decision.items).toHaveLength(7);
    const [duration, bursty, , volume] = decision.items;
    expect(duration).toMatchObject({ lean: 'either', answer: expect.stringMatching(/^Yes: the timeout is 60 s/), at: { line: 9 } });
    expect(bursty).toMatchObject({ lean: 'lambda', answer: expect.stringContaining('Event-driven: SQS Queue'), at: { line: 11 } });
    expect(volume).toMatchObject({
      lean: 'lambda',
      answer: expect.stringMatching(/^1M requests\/month with no front door: Lambda is cheaper here\. Fargate is cheaper from about [\d.]+M requests\/month/),
    });
    expect(decision.recommendation.reasons.join(' ')).toContain('event-driven');
    expect(decision.coldStart.lambda).toMatch(/^python3\.13: about 86 ms of INIT/);
    expect(decision.coldStart.fargate).toMatch(/30-60 s/);
  });

  test('work over 15 minutes: containers, whatever the price', () => {
    const { decision } = functionCase(WORKER, 'Batch');
    expect(decision.items[0]).toMatchObject({ lean: 'containers', answer: expect.stringContaining('the timeout is 1000 s') });
    expect(decision.recommendation.side).toBe('fargate');
    expect(decision.coldStart.lambda).toContain('SnapStart');
  });
});

describe('the equivalent configuration', () => {
  test('a function as a Fargate task definition and service: a valid task size that Crossover itself accepts', () => {
    const { fn, data } = functionCase(WORKER, 'Worker');
    const equivalent = fargateEquivalent(fn, data.scenario, data.report);
    const result = analyzeText({ uri: 'file:///t/fargate.yaml', text: equivalent.content }, config);
    expect(result.format).toBe('cloudformation');
    expect(result.model!.taskDefinitions).toHaveLength(1);
    expect(result.model!.services[0]!.desiredCount.value).toBe(data.report.fargate.tasks);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('a task definition as a SAM function with memory in range', () => {
    const taskdef = JSON.stringify({
      family: 'web',
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: '1024',
      memory: '2048',
      containerDefinitions: [{ name: 'app', image: 'nginx', essential: true }],
    });
    const task = analyzeText({ uri: 'file:///t/taskdef.json', text: taskdef }, config).model!.taskDefinitions[0]!;
    const estimate = estimateWorkload({ kind: 'ecs-task', task: task, service: undefined }, 'taskdef.json', emptyUsage(), settings)!;
    const equivalent = lambdaEquivalent(task, workloadComparison(estimate, {}, {}).scenario);
    const result = analyzeText({ uri: 'file:///t/function.yaml', text: equivalent.content }, config);
    expect(result.format).toBe('sam');
    expect(result.model!.functions[0]!.memoryMb.value).toBe(estimate.scenario.lambda.memoryMb);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
