import { defineRule } from './rule.js';

/**
 * Reported by the engine, not by a visitor: YAML or JSON that cannot be read (syntax errors, duplicate keys,
 * alias bombs, nesting too deep). The rest of the file is analysed as far as it could be read.
 */
export default defineRule({
  meta: {
    id: 'parse-error',
    category: 'template',
    severity: 'error',
    docs: {
      description: 'The file could not be read as YAML or JSON, or reading it was stopped because it is hostile (alias bomb, extreme nesting).',
      sources: [{ title: 'CloudFormation template formats', url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-formats.html' }],
    },
    messages: { problem: '{{message}}' },
  },
  create: () => ({}),
});
