import { LAMBDA_LIMITS, isLambdaEphemeralStorage } from '../../data/limits.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'lambda/ephemeral-storage-range',
    category: 'lambda',
    severity: 'error',
    kind: 'pitfall',
    docs: {
      description: 'A Lambda function `/tmp` size (`EphemeralStorage.Size`) outside 512 to 10,240 MB.',
      rationale:
        'CloudFormation rejects an ephemeral storage size outside the range. The first 512 MB are free; every MB above is billed per GB-second for as long as the function runs.',
      howToFix:
        'Choose a size between 512 and 10,240 MB. Work that needs more scratch space fits ECS on Fargate (up to 200 GiB of ephemeral storage per task) or a mounted EFS file system.',
      exceptions: 'Unresolved values are not guessed.',
      examples: [
        {
          title: 'Storage written in GB',
          bad: 'Transcode:\n  Type: AWS::Serverless::Function\n  Properties:\n    EphemeralStorage:\n      Size: 10\n',
          good: 'Transcode:\n  Type: AWS::Serverless::Function\n  Properties:\n    EphemeralStorage:\n      Size: 10240\n',
        },
      ],
      sources: [{ title: 'Lambda EphemeralStorage API', url: LAMBDA_LIMITS.maxEphemeralStorageMb.url }],
    },
    messages: { outOfRange: 'Ephemeral storage {{size}} MB is outside the range Lambda allows ({{min}} to {{max}} MB).' },
  },
  create(ctx) {
    return {
      LambdaFunction(fn) {
        const size = fn.ephemeralStorageMb.value;
        if (size === undefined) return;
        const min = LAMBDA_LIMITS.minEphemeralStorageMb.value;
        const max = LAMBDA_LIMITS.maxEphemeralStorageMb.value;
        if (!isLambdaEphemeralStorage(size)) ctx.report({ node: fn, field: fn.ephemeralStorageMb, messageId: 'outOfRange', data: { size, min, max } });
      },
    };
  },
});
