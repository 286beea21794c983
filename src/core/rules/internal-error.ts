import { defineRule, ISSUES_URL } from './rule.js';

/**
 * Reported by the engine, not by a visitor: Crossover itself failed (an exception in a reader, the model
 * builder or a rule). The file is listed with this finding instead of being dropped or called "not a template".
 */
export default defineRule({
  meta: {
    id: 'internal-error',
    category: 'template',
    severity: 'error',
    kind: 'pitfall',
    docs: {
      description: 'Crossover failed while analysing the file (a bug in Crossover, not a problem in the file), so the file is not fully analysed.',
      rationale:
        'An analysis that fails quietly looks exactly like a file with no problems. This finding says which file was not (fully) checked, at which step, and why, in one line. ' +
        'It is an error by default, as cfn-lint reports a rule that fails while processing a template (E0002): a CI run with `--fail-on error` must not pass on a file nobody checked. ' +
        'When one rule fails, the other rules still report their findings.',
      howToFix:
        `Report it at ${ISSUES_URL} with the message and, if you can, the file or a smaller copy that shows the same error. ` +
        'To accept the gap until it is fixed, lower the severity of `internal-error` or switch it off.',
      exceptions:
        'Known limits have their own findings and are not internal errors: a file above the size cap (`file-too-large`), YAML or JSON that cannot be read, alias bombs and code nested too deeply to parse (`parse-error`). ' +
        'Running Crossover from its sources without the TypeScript or Python reader bundles built leaves those files unanalysed, without this finding.',
      sources: [
        {
          title: 'cfn-lint rule E0002: Error processing rule on the template',
          url: 'https://github.com/aws-cloudformation/cfn-lint/blob/main/docs/rules.md#E0002',
        },
      ],
    },
    messages: {
      failed:
        'Crossover failed while {{stage}} {{file}} ({{reason}}), so the file is not fully analysed. This is a bug in Crossover, not in the file: please report it at {{issues}}.',
    },
  },
  create: () => ({}),
});
