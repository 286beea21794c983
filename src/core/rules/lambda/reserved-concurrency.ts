import { LAMBDA_LIMITS } from '../../data/limits.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'lambda/reserved-concurrency',
    category: 'lambda',
    severity: 'warning',
    kind: 'pitfall',
    docs: {
      description: "Reserved concurrency that the account's concurrency quota cannot give, alone or summed over the template's functions, or set to 0.",
      rationale:
        'Lambda always keeps 100 concurrent executions unreserved, so with the default quota of 1,000 a region can reserve at most 900 across all functions. A larger reservation fails to deploy. Reservations that together approach the quota starve every other function in the account. A reservation of 0 throttles every invocation: the function never runs.',
      howToFix:
        'Lower the reservation, or request a higher "Concurrent executions" quota in Service Quotas and record it in the setting `crossover.limits.accountConcurrency` (CLI: a config file with `limits.accountConcurrency`).',
      exceptions: 'Unresolved values are not counted. The template-wide sum is information only, since other stacks in the account are unknown.',
      examples: [
        {
          title: 'A reservation above what a default account can give',
          bad: 'Ingest:\n  Type: AWS::Serverless::Function\n  Properties:\n    ReservedConcurrentExecutions: 1500\n',
          good: 'Ingest:\n  Type: AWS::Serverless::Function\n  Properties:\n    ReservedConcurrentExecutions: 200\n',
        },
      ],
      settings: [{ name: 'crossover.limits.accountConcurrency', description: "The account's concurrent-executions quota in the region (default 1,000)." }],
      sources: [
        { title: 'Lambda reserved concurrency', url: LAMBDA_LIMITS.minUnreservedConcurrency.url },
        { title: 'Lambda quotas', url: LAMBDA_LIMITS.accountConcurrency.url },
      ],
    },
    messages: {
      aboveAccount:
        'Reserved concurrency {{reserved}} is more than the account can reserve: {{quota}} concurrent executions, less the {{unreserved}} Lambda keeps unreserved, leaves {{available}}.',
      templateTotal:
        'Functions in this template reserve {{total}} concurrent executions together, more than the {{available}} the account can reserve ({{quota}} less {{unreserved}} kept unreserved).',
      zero: 'Reserved concurrency 0 throttles every invocation: this function never runs.',
    },
  },
  create(ctx) {
    const quota = ctx.config.limits.accountConcurrency;
    const unreserved = LAMBDA_LIMITS.minUnreservedConcurrency.value;
    const available = Math.max(0, quota - unreserved);
    return {
      Template(model) {
        const reserving = model.functions.filter((fn) => (fn.reservedConcurrency?.value ?? 0) > 0);
        const total = reserving.reduce((sum, fn) => sum + (fn.reservedConcurrency?.value ?? 0), 0);
        // Only worth saying when no single function already exceeds the quota on its own.
        if (total <= available || reserving.some((fn) => (fn.reservedConcurrency?.value ?? 0) > available)) return;
        for (const fn of reserving) {
          ctx.report({ node: fn, field: fn.reservedConcurrency!, messageId: 'templateTotal', severity: 'info', data: { total, available, quota, unreserved } });
        }
      },
      LambdaFunction(fn) {
        const reserved = fn.reservedConcurrency?.value;
        if (reserved === undefined) return;
        if (reserved === 0) ctx.report({ node: fn, field: fn.reservedConcurrency!, messageId: 'zero', severity: 'info' });
        else if (reserved > available)
          ctx.report({ node: fn, field: fn.reservedConcurrency!, messageId: 'aboveAccount', data: { reserved, quota, unreserved, available } });
      },
    };
  },
});
