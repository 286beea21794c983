import { defineRule } from './rule.js';

/** Reported by the engine: a `Ref`, `Fn::GetAtt` or `${...}` in a value Crossover reads names nothing in the template. */
export default defineRule({
  meta: {
    id: 'unresolved-reference',
    category: 'template',
    severity: 'warning',
    docs: {
      description: 'A reference in a setting Crossover checks (memory, timeout, queue, API...) names a parameter or resource that the template does not declare.',
      sources: [{ title: 'Ref', url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-ref.html' }],
    },
    messages: { problem: '{{message}}' },
  },
  create: () => ({}),
});
