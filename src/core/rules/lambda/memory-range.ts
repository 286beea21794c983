import { LAMBDA_LIMITS } from '../../data/limits.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'lambda/memory-range',
    category: 'lambda',
    severity: 'error',
    kind: 'pitfall',
    fixable: true,
    docs: {
      description: 'A Lambda function memory size outside what Lambda allows: 128 to 10,240 MB (up to 32,768 MB on Lambda Managed Instances).',
      rationale:
        'CloudFormation rejects a `MemorySize` outside the range, so the deployment fails. Memory also sets the CPU share (1,769 MB buys one vCPU, 10,240 MB six), so the value matters for speed as much as for cost.',
      howToFix:
        'Choose a value inside the range. For work that needs more than 10 GB of memory, consider Lambda Managed Instances or ECS on Fargate (up to 120 GB per task).',
      exceptions:
        'Unresolved values are not guessed. On Lambda Managed Instances the range is 128 to 32,768 MB; AWS recommends at least 2,048 MB there, but that is advice rather than a limit, so it is not reported.',
      examples: [
        {
          title: 'Memory written in GB instead of MB',
          bad: 'Resize:\n  Type: AWS::Serverless::Function\n  Properties:\n    MemorySize: 2\n',
          good: 'Resize:\n  Type: AWS::Serverless::Function\n  Properties:\n    MemorySize: 2048\n',
        },
      ],
      sources: [
        { title: 'Lambda quotas', url: LAMBDA_LIMITS.maxMemoryMb.url },
        { title: 'Lambda memory configuration', url: LAMBDA_LIMITS.memoryMbPerVcpu.url },
        { title: 'Lambda Managed Instances', url: LAMBDA_LIMITS.managedInstancesMaxMemoryMb.url },
      ],
    },
    messages: {
      outOfRange: 'Memory {{memory}} MB is outside the range Lambda allows ({{min}} to {{max}} MB).',
      outOfManagedRange: 'Memory {{memory}} MB is outside the range Lambda Managed Instances allow ({{min}} to {{max}} MB).',
    },
  },
  create(ctx) {
    return {
      LambdaFunction(fn) {
        const memory = fn.memoryMb.value;
        if (memory === undefined) return;
        const managed = fn.capacityProvider !== undefined;
        const min = LAMBDA_LIMITS.minMemoryMb.value;
        const max = managed ? LAMBDA_LIMITS.managedInstancesMaxMemoryMb.value : LAMBDA_LIMITS.maxMemoryMb.value;
        if (memory >= min && memory <= max) return;
        const target = Math.min(max, Math.max(min, Math.round(memory)));
        const title = `Set memory to ${target} MB`;
        // A written number is replaced where it is (any syntax, CDK included); a computed one is left alone.
        const fix = fn.memoryMb.at && fn.memoryMb.via === undefined ? { title, edits: [{ range: fn.memoryMb.at.range, newText: String(target) }] } : undefined;
        ctx.report({
          node: fn,
          field: fn.memoryMb,
          messageId: managed ? 'outOfManagedRange' : 'outOfRange',
          data: { memory, min, max },
          ...(fix ? { fix } : {}),
        });
      },
    };
  },
});
