import { LAMBDA_LIMITS } from '../../data/limits.js';
import { defineRule } from '../rule.js';

const utf8 = new TextEncoder();

export default defineRule({
  meta: {
    id: 'lambda/environment-size',
    category: 'lambda',
    severity: 'error',
    kind: 'pitfall',
    docs: {
      description: "A Lambda function's environment variables above 4 KB in total (names and values).",
      rationale:
        'Lambda refuses a function configuration whose environment variables exceed 4 KB together, so the deployment fails. Large values (certificates, JSON configuration, long lists) are the usual cause.',
      howToFix:
        'Move large values to SSM Parameter Store, Secrets Manager, S3 or AppConfig and read them at start-up; keep only names or ARNs in the environment.',
      exceptions:
        'Values that are intrinsic functions (`!Ref`, `!GetAtt`, ...) cannot be measured; they count as empty, so the rule only reports when the text it can see is already too large (the message then says "at least"). Crossover counts the UTF-8 bytes of every name and value; variables inherited from SAM `Globals` count too.',
      examples: [
        {
          title: 'A certificate in an environment variable',
          bad: 'Api:\n  Type: AWS::Serverless::Function\n  Properties:\n    Environment:\n      Variables:\n        CA_BUNDLE: "-----BEGIN CERTIFICATE----- ... (5 KB) ..."\n',
          good: 'Api:\n  Type: AWS::Serverless::Function\n  Properties:\n    Environment:\n      Variables:\n        CA_BUNDLE_PARAMETER: /orders/ca-bundle\n',
        },
      ],
      sources: [{ title: 'Lambda quotas', url: LAMBDA_LIMITS.maxEnvironmentBytes.url }],
    },
    messages: {
      tooLarge: 'Environment variables take {{size}} bytes, above the {{limit}}-byte (4 KB) limit Lambda sets for all of them together.',
      tooLargeAtLeast:
        'Environment variables take at least {{size}} bytes ({{unresolved}} values not counted), above the {{limit}}-byte (4 KB) limit Lambda sets for all of them together.',
    },
  },
  create(ctx) {
    // Functions share the values they inherit from Globals: each long value is measured once.
    const lengths = new Map<string, number>();
    const bytes = (text: string) => {
      if (text.length < 256) return utf8.encode(text).length;
      let length = lengths.get(text);
      if (length === undefined) lengths.set(text, (length = utf8.encode(text).length));
      return length;
    };
    return {
      LambdaFunction(fn) {
        const environment = fn.environment;
        if (!environment || environment.variables.length === 0) return;
        let size = 0;
        let unresolved = 0;
        for (const variable of environment.variables) {
          size += bytes(variable.name);
          if (variable.value === undefined) unresolved++;
          else size += bytes(variable.value);
        }
        const limit = LAMBDA_LIMITS.maxEnvironmentBytes.value;
        if (size <= limit) return;
        const loc = environment.origin === 'explicit' ? environment.at : undefined;
        ctx.report({
          node: fn,
          ...(loc ? { loc } : {}),
          messageId: unresolved ? 'tooLargeAtLeast' : 'tooLarge',
          data: { size, limit, unresolved },
          ...(environment.origin === 'globals' && environment.at
            ? { related: [{ loc: environment.at, message: 'Environment variables inherited from Globals' }] }
            : {}),
        });
      },
    };
  },
});
