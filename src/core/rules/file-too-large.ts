import { defineRule } from './rule.js';

/** Reported by the engine: the file is above the size cap, so it is not analysed (an editor must stay responsive). */
export default defineRule({
  meta: {
    id: 'file-too-large',
    category: 'template',
    severity: 'info',
    docs: {
      description: 'The file is larger than the configured size cap (`crossover.maxFileSizeKb`, CLI `--max-file-size`), so it was not analysed.',
      sources: [{ title: 'CloudFormation quotas (template body size)', url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html' }],
    },
    messages: { tooLarge: 'Not analysed: the file is {{size}}, above the {{limit}} size cap (setting crossover.maxFileSizeKb).' },
  },
  create: () => ({}),
});
