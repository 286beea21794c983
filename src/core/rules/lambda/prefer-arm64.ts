import { runtimeInfo } from '../../data/runtimes.js';
import { defineRule } from '../rule.js';
import { cdkMemberFix, setFunctionSetting } from '../../fixes.js';

export default defineRule({
  meta: {
    id: 'lambda/prefer-arm64',
    category: 'lambda',
    severity: 'info',
    kind: 'suggestion',
    fixable: true,
    docs: {
      description: 'A zip-packaged function on x86_64 whose runtime also runs on arm64 (Graviton), where duration costs about 20% less.',
      rationale:
        'Lambda bills duration per GB-second, and arm64 is about 20% cheaper than x86_64 at every tier (us-east-1: $0.0000133334 against $0.0000166667 per GB-second for the first tier), often with equal or better performance. For interpreted code (Python, Node.js, Ruby, Java) the switch is usually one line.',
      howToFix:
        'Set `Architectures: [arm64]` (on the function or in SAM `Globals`), rebuild, and run your tests. Native dependencies must be built for arm64. The quick fix writes it where the architecture is set, in the list style of the file (`[x86_64]` becomes `[arm64]`, a `- x86_64` item `- arm64`), or adds it; in CDK it rewrites a written `Architecture.X86_64` as `ARM_64`.',
      exceptions:
        'Silent for container images (the image decides the architecture), functions with layers (they may carry x86-only binaries Crossover cannot see), runtimes without arm64 support (go1.x, java8, provided, older ones), and unresolved architectures.',
      examples: [
        {
          title: 'A Python function left on the default architecture',
          bad: 'Thumbnail:\n  Type: AWS::Serverless::Function\n  Properties:\n    Runtime: python3.13\n',
          good: 'Thumbnail:\n  Type: AWS::Serverless::Function\n  Properties:\n    Runtime: python3.13\n    Architectures: [arm64]\n',
        },
      ],
      sources: [
        { title: 'AWS Lambda pricing', url: 'https://aws.amazon.com/lambda/pricing/' },
        { title: 'Lambda instruction set architectures', url: 'https://docs.aws.amazon.com/lambda/latest/dg/foundation-arch.html' },
      ],
    },
    messages: {
      preferArm64: '{{function}} runs on x86_64{{origin}}; on arm64 its duration would cost about 20% less ({{runtime}} supports arm64).',
    },
  },
  create(ctx) {
    return {
      LambdaFunction(fn) {
        if (fn.architecture.value !== 'x86_64' || fn.packageType.value !== 'Zip' || fn.layers > 0) return;
        const runtime = runtimeInfo(fn.runtime.value);
        if (!runtime?.arm64) return;
        const origin = fn.architecture.origin === 'default' ? ' (the default)' : fn.architecture.origin === 'globals' ? ' (from Globals)' : '';
        const where = fn.architecture.origin === 'globals' ? ' (for every function that inherits it)' : '';
        const fix =
          ctx.model.format === 'cdk'
            ? cdkMemberFix(fn.architecture, 'ARM_64', 'Use arm64')
            : setFunctionSetting(
                ctx.model,
                fn,
                fn.architecture,
                { template: ['Architectures'], serverless: ['architecture'] },
                ctx.model.format === 'serverless' ? 'arm64' : ['arm64'],
                `Use arm64${where}`,
              );
        ctx.report({
          node: fn,
          field: fn.architecture,
          messageId: 'preferArm64',
          data: { function: fn.id, origin, runtime: runtime.id },
          ...(fix ? { fix } : {}),
        });
      },
    };
  },
});
