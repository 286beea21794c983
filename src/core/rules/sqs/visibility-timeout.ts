import { SQS_LIMITS } from '../../data/limits.js';
import { type Fix } from '../../findings.js';
import { cdkDurationFix } from '../../fixes.js';
import { isLiteral, type Field } from '../../model/field.js';
import { type LambdaFunction } from '../../model/nodes.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'sqs/visibility-timeout',
    category: 'sqs',
    severity: 'warning',
    kind: 'pitfall',
    fixable: true,
    docs: {
      description:
        'An SQS queue consumed by a Lambda function whose visibility timeout is shorter than the function timeout (an error: Lambda rejects the event source mapping) or below six times it (a warning: AWS advice).',
      rationale:
        "While Lambda processes a batch, the messages are hidden for the queue's visibility timeout. If the function is still running (or retrying after throttling) when it expires, the messages become visible again and are processed twice, or land in the dead-letter queue early. AWS recommends a visibility timeout of at least six times the function timeout.\n\nA visibility timeout shorter than the function timeout is not just risky: Lambda refuses to create the event source mapping, so the deployment fails. That is reported as an error whatever the rule's default severity; between one and six times the function timeout stays a warning.",
      howToFix:
        'Raise `VisibilityTimeout` on the queue to at least the function timeout (below it the deployment fails), better six times it (at most 43,200 s), or lower the function timeout. The quick fix writes six times the function timeout (in CDK, as `Duration.seconds(n)` where a `Duration` is written at the prop).',
      exceptions:
        'Silent when the queue is not declared in the template (an imported ARN), when either timeout is not static, and for queues no function in the template consumes. With several consumers, the longest function timeout counts.',
      examples: [
        {
          title: 'A queue left at the 30-second default',
          bad: 'Jobs:\n  Type: AWS::SQS::Queue\nWorker:\n  Type: AWS::Serverless::Function\n  Properties:\n    Timeout: 60\n    Events:\n      Jobs:\n        Type: SQS\n        Properties: {Queue: !GetAtt Jobs.Arn}\n',
          good: 'Jobs:\n  Type: AWS::SQS::Queue\n  Properties:\n    VisibilityTimeout: 360\nWorker:\n  Type: AWS::Serverless::Function\n  Properties:\n    Timeout: 60\n    Events:\n      Jobs:\n        Type: SQS\n        Properties: {Queue: !GetAtt Jobs.Arn}\n',
        },
      ],
      sources: [
        { title: 'Configuring an SQS queue for Lambda', url: SQS_LIMITS.visibilityToFunctionTimeoutRatio.url },
        { title: 'SQS visibility timeout', url: SQS_LIMITS.maxVisibilityTimeoutSeconds.url },
      ],
    },
    messages: {
      rejected:
        'Visibility timeout {{visibility}} s{{origin}} is shorter than the {{timeout}} s timeout of {{function}}: Lambda rejects the event source mapping, so the deployment fails. Raise it to at least {{timeout}} s, and to 6x ({{required}} s) as AWS advises.',
      tooShort:
        'Visibility timeout {{visibility}} s{{origin}} is below 6x the {{timeout}} s timeout of {{function}} ({{required}} s), the minimum AWS advises: messages can reappear and be processed twice while a batch is still running.',
      cannotReach:
        'Visibility timeout {{visibility}} s{{origin}} is below 6x the {{timeout}} s timeout of {{function}}, and 6x ({{required}} s) is beyond the SQS maximum of {{max}} s: lower the function timeout.',
    },
  },
  create(ctx) {
    let consumers: Map<string, Consumer> | undefined;
    return {
      SqsQueue(queue) {
        const visibility = queue.visibilityTimeoutSeconds.value;
        if (visibility === undefined) return;
        consumers ??= longestConsumers(ctx.model.functions);
        const consumer = consumers.get(queue.id);
        if (!consumer) return;
        const { fn, timeout } = consumer;
        const required = timeout * SQS_LIMITS.visibilityToFunctionTimeoutRatio.value;
        if (visibility >= required) return;
        const max = SQS_LIMITS.maxVisibilityTimeoutSeconds.value;
        const origin = queue.visibilityTimeoutSeconds.origin === 'default' ? ' (the default)' : '';
        // Lambda refuses a mapping whose function may run longer than the queue hides a message: the deploy fails.
        const rejected = visibility < timeout;
        ctx.report({
          node: queue,
          field: queue.visibilityTimeoutSeconds,
          messageId: rejected ? 'rejected' : required > max ? 'cannotReach' : 'tooShort',
          ...(rejected ? { severity: 'error' as const } : {}),
          data: { visibility, origin, timeout, function: fn.id, required, max },
          related: [{ loc: fn.timeoutSeconds.at ?? fn.loc, message: `${fn.id} has a ${timeout} s timeout and consumes this queue` }],
          ...visibilityFix(ctx.model.format, queue.visibilityTimeoutSeconds, required, max),
        });
      },
    };
  },
});

interface Consumer {
  fn: LambdaFunction;
  timeout: number;
}

/** Per queue id, the consuming function with the longest static timeout (the first of equals), in one pass over the functions. */
function longestConsumers(functions: readonly LambdaFunction[]): Map<string, Consumer> {
  const best = new Map<string, Consumer>();
  for (const fn of functions) {
    const timeout = fn.timeoutSeconds.value;
    if (timeout === undefined) continue;
    for (const event of fn.events) {
      if (event.kind !== 'sqs' || event.targetId === undefined) continue;
      const current = best.get(event.targetId);
      if (!current || timeout > current.timeout) best.set(event.targetId, { fn, timeout });
    }
  }
  return best;
}

/** The visibility timeout raised where it is written: a literal, or a CDK `Duration.x(n)` written at the prop. */
function visibilityFix(format: string, field: Field<number>, required: number, max: number): { fix?: Fix } {
  if (required > max) return {};
  const title = `Set ${format === 'terraform' ? 'visibility_timeout_seconds' : 'VisibilityTimeout'} to ${required} s`;
  if (isLiteral(field) && field.at) return { fix: { title, edits: [{ range: field.at.range, newText: String(required) }] } };
  const fix = format === 'cdk' ? cdkDurationFix(field, required, title) : undefined;
  return fix ? { fix } : {};
}
