import { defineRule } from './rule.js';

/** Reported by the engine: a YAML tag that is not one of CloudFormation's short-form intrinsic functions. */
export default defineRule({
  meta: {
    id: 'unknown-tag',
    category: 'template',
    severity: 'warning',
    docs: {
      description: 'A YAML tag such as `!Reff` is not a CloudFormation short-form function; CloudFormation rejects the template.',
      sources: [
        { title: 'Intrinsic function reference', url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html' },
      ],
    },
    messages: { problem: '{{message}}' },
  },
  create: () => ({}),
});
