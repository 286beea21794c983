import { RUNTIMES_AS_OF, RUNTIMES_SOURCE, runtimeInfo } from '../../data/runtimes.js';
import { defineRule } from '../rule.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How far ahead an upcoming deprecation is announced as information. */
const NOTICE_DAYS = 183;

export default defineRule({
  meta: {
    id: 'lambda/deprecated-runtime',
    category: 'lambda',
    severity: 'warning',
    docs: {
      description: 'A Lambda runtime past its deprecation date (warning), or within six months of it (information).',
      rationale:
        'After the deprecation date AWS stops patching the runtime (security fixes, new language versions), and some time later it blocks creating and then updating functions on it, which can stop a deployment at the worst moment. Upgrading is usually a small change when done ahead of time.',
      howToFix: 'Move to a supported runtime of the same language (for example `python3.13`, `nodejs22.x`, `java21`), test, and deploy.',
      exceptions: `Container images (no managed runtime) and unknown or unresolved runtimes are not reported. Dates come from the table in src/core/data/runtimes.ts (as of ${RUNTIMES_AS_OF}).`,
      examples: [
        {
          title: 'Python 3.9 (deprecated 2025-12-15)',
          bad: 'Reports:\n  Type: AWS::Serverless::Function\n  Properties:\n    Runtime: python3.9\n',
          good: 'Reports:\n  Type: AWS::Serverless::Function\n  Properties:\n    Runtime: python3.13\n',
        },
      ],
      sources: [{ title: 'Lambda runtimes and deprecation dates', url: RUNTIMES_SOURCE }],
    },
    messages: {
      deprecated:
        'Runtime {{runtime}} was deprecated on {{date}}: AWS no longer patches it and will block creating, then updating, functions that use it{{block}}.',
      soon: 'Runtime {{runtime}} will be deprecated on {{date}} (in {{days}} days): plan the upgrade before AWS stops patching it.',
    },
  },
  create(ctx) {
    return {
      LambdaFunction(fn) {
        if (fn.packageType.value === 'Image') return;
        const info = runtimeInfo(fn.runtime.value);
        if (!info?.deprecation) return;
        const deprecation = Date.parse(`${info.deprecation}T00:00:00Z`);
        const days = Math.ceil((deprecation - ctx.config.now.getTime()) / DAY_MS);
        if (days <= 0) {
          const block = info.blockCreate ? ` (creation from ${info.blockCreate}${info.blockUpdate ? `, updates from ${info.blockUpdate}` : ''})` : '';
          ctx.report({ node: fn, field: fn.runtime, messageId: 'deprecated', data: { runtime: info.id, date: info.deprecation, block } });
        } else if (days <= NOTICE_DAYS) {
          ctx.report({ node: fn, field: fn.runtime, messageId: 'soon', severity: 'info', data: { runtime: info.id, date: info.deprecation, days } });
        }
      },
    };
  },
});
