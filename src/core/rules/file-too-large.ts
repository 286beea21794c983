import { defineRule } from './rule.js';

/** Reported by the engine: the file is above the size cap, so it is not analysed (an editor must stay responsive). */
export default defineRule({
  meta: {
    id: 'file-too-large',
    category: 'template',
    severity: 'info',
    kind: 'notice',
    docs: {
      description: 'The file is larger than the configured size cap (`crossover.maxFileSizeKb`, CLI `--max-file-size`), so it was not analysed.',
      rationale:
        'CloudFormation accepts template bodies of at most 1 MB (from S3), so a larger file is rarely a template a person edits. Analysing very large files in the editor would make typing sluggish, so they are skipped with this note instead.',
      howToFix: 'Nothing, if the file is generated. To analyse it anyway, raise `crossover.maxFileSizeKb` (editor) or pass `--max-file-size` (CLI).',
      settings: [{ name: 'crossover.maxFileSizeKb', description: 'Size cap in KB (default 4096). CLI: --max-file-size.' }],
      sources: [
        {
          title: 'CloudFormation quotas (template body size)',
          url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html',
        },
      ],
    },
    messages: { tooLarge: 'Not analysed: the file is {{size}}, above the {{limit}} size cap (setting crossover.maxFileSizeKb).' },
  },
  create: () => ({}),
});
