import { defineRule } from './rule.js';

/** Reported by the engine: a map key written twice. CloudFormation accepts it and keeps the last value. */
export default defineRule({
  meta: {
    id: 'duplicate-key',
    category: 'template',
    severity: 'warning',
    kind: 'pitfall',
    docs: {
      description: 'A key appears twice in the same map (a property, a resource, a parameter); CloudFormation silently keeps the last one.',
      rationale:
        'CloudFormation accepts a template with a duplicated key and deploys the last occurrence, so the earlier value is silently ignored. It usually comes from copy and paste: you change the first entry, deploy, and nothing happens. Crossover reads the template the same way CloudFormation does (last one wins) and tells you about the other.',
      howToFix: 'Delete one of the two entries, or rename the one that was meant to be a different key.',
      examples: [
        {
          title: 'Two Timeout properties',
          bad: 'Fn:\n  Type: AWS::Serverless::Function\n  Properties:\n    Timeout: 30\n    Handler: app.handler\n    Timeout: 300\n',
          good: 'Fn:\n  Type: AWS::Serverless::Function\n  Properties:\n    Handler: app.handler\n    Timeout: 300\n',
        },
      ],
      sources: [{ title: 'cfn-lint issue #35: duplicate resources deploy last-wins', url: 'https://github.com/aws-cloudformation/cfn-lint/issues/35' }],
    },
    messages: { problem: '{{message}}' },
  },
  create: () => ({}),
});
