import { LAMBDA_LIMITS } from '../../data/limits.js';
import { type EventSourceKind } from '../../model/nodes.js';
import { defineRule } from '../rule.js';

/** Sources whose invocations keep the 900 s ceiling even on Lambda Managed Instances. */
const MANAGED_INSTANCES_900S_SOURCES: ReadonlySet<EventSourceKind> = new Set(['mq', 'documentdb']);

export default defineRule({
  meta: {
    id: 'lambda/timeout-max',
    category: 'lambda',
    severity: 'error',
    kind: 'pitfall',
    docs: {
      description:
        'A Lambda function timeout outside what Lambda allows: below 1 s, or above 900 s (5,400 s for Lambda Managed Instances invoked asynchronously or by an event source mapping).',
      rationale:
        'Lambda stops every invocation at 15 minutes, so CloudFormation rejects a longer `Timeout`; it rejects a `Timeout` below 1 s (`Timeout: 0`) too. Work that needs longer is a sign the workload fits a container (ECS on Fargate has no time limit), Step Functions (to split the work) or durable functions.\n\nLambda Managed Instances (a function with `CapacityProviderConfig`) run up to 90 minutes when invoked asynchronously or through an event source mapping, but synchronous invocations, and Amazon MQ and DocumentDB event sources, keep the 15-minute ceiling.',
      howToFix:
        'Give a timeout of at least 1 s. Lower a long timeout to what the work needs (at most 900 s), split the work into steps (Step Functions, SQS batches), or run it as an ECS task on Fargate. On Managed Instances, keep synchronous callers within 900 s.',
      exceptions:
        'Unresolved timeouts (a `Ref` to a parameter without a default, an `Fn::If`) are not guessed. On Managed Instances, timeouts up to 5,400 s are accepted for functions without synchronous or MQ/DocumentDB event sources.',
      examples: [
        {
          title: 'A 20-minute export job',
          bad: 'NightlyExport:\n  Type: AWS::Serverless::Function\n  Properties:\n    Timeout: 1200\n',
          good: 'NightlyExport:\n  Type: AWS::Serverless::Function\n  Properties:\n    Timeout: 900\n',
        },
      ],
      sources: [
        { title: 'Lambda quotas', url: LAMBDA_LIMITS.maxTimeoutSeconds.url },
        { title: 'CreateFunction: Timeout', url: LAMBDA_LIMITS.minTimeoutSeconds.url },
        { title: 'Lambda Managed Instances', url: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-managed-instances.html' },
      ],
    },
    messages: {
      belowMin: 'Timeout {{timeout}} s is below the Lambda minimum of {{limit}} s; Lambda rejects it, so the deployment fails.',
      aboveMax: 'Timeout {{timeout}} s is above the Lambda maximum of {{limit}} s (15 minutes); Lambda refuses it, so the deployment fails.',
      aboveManagedMax: 'Timeout {{timeout}} s is above the {{limit}} s (90 minutes) maximum for Lambda Managed Instances.',
      syncOnManaged:
        'Timeout {{timeout}} s exceeds {{limit}} s, the ceiling that still applies to {{source}} invocations on Lambda Managed Instances; those calls stop at 15 minutes.',
    },
  },
  create(ctx) {
    return {
      LambdaFunction(fn) {
        const timeout = fn.timeoutSeconds.value;
        if (timeout === undefined) return;
        const min = LAMBDA_LIMITS.minTimeoutSeconds.value;
        if (timeout < min) {
          ctx.report({ node: fn, field: fn.timeoutSeconds, messageId: 'belowMin', data: { timeout, limit: min } });
          return;
        }
        const standard = LAMBDA_LIMITS.maxTimeoutSeconds.value;
        if (!fn.capacityProvider) {
          if (timeout > standard) ctx.report({ node: fn, field: fn.timeoutSeconds, messageId: 'aboveMax', data: { timeout, limit: standard } });
          return;
        }
        const managed = LAMBDA_LIMITS.managedInstancesMaxTimeoutSeconds.value;
        if (timeout > managed) {
          ctx.report({ node: fn, field: fn.timeoutSeconds, messageId: 'aboveManagedMax', data: { timeout, limit: managed } });
          return;
        }
        if (timeout <= standard) return;
        const capped = fn.events.find((e) => e.invocation === 'sync' || MANAGED_INSTANCES_900S_SOURCES.has(e.kind));
        if (capped) {
          ctx.report({
            node: fn,
            field: fn.timeoutSeconds,
            messageId: 'syncOnManaged',
            severity: 'warning',
            data: { timeout, limit: standard, source: capped.invocation === 'sync' ? 'synchronous' : capped.sourceType },
            related: [{ loc: capped.loc, message: `Invoked by ${capped.sourceType} event ${capped.name}` }],
          });
        }
      },
    };
  },
});
