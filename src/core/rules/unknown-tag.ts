import { defineRule } from './rule.js';

/** Reported by the engine: a YAML tag that is not one of CloudFormation's short-form intrinsic functions. */
export default defineRule({
  meta: {
    id: 'unknown-tag',
    category: 'template',
    severity: 'warning',
    kind: 'pitfall',
    docs: {
      description: 'A YAML tag such as `!Reff` is not a CloudFormation short-form function; CloudFormation rejects the template.',
      rationale:
        'CloudFormation understands only its own short-form tags (`!Ref`, `!Sub`, `!GetAtt`, ...). Any other tag is a typo or a tag from another tool, and the deployment fails. Crossover reads the value as if the tag were absent.',
      howToFix: 'Correct the tag name, or write the intrinsic function in its long form (`Fn::Sub: ...`).',
      examples: [{ title: 'A misspelt Ref', bad: 'Timeout: !Reff TimeoutParam\n', good: 'Timeout: !Ref TimeoutParam\n' }],
      sources: [
        { title: 'Intrinsic function reference', url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html' },
      ],
    },
    messages: { problem: '{{message}}' },
  },
  create: () => ({}),
});
