import { describeUnresolved, settingNodes } from '../../model/unresolved.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'cdk/value-not-static',
    category: 'cdk',
    severity: 'hint',
    kind: 'suggestion',
    docs: {
      description:
        'A CDK construct with settings that static reading cannot know (computed by code, passed in from outside the file, or an id that is not a literal).',
      rationale:
        "Crossover reads CDK apps without running them. A value computed at synthesis time (`Number(process.env.MEMORY)`, a helper function, a prop the construct receives from a caller in another file) is unknown until `cdk synth` runs, so the checks that need it stay silent and the cost model uses a default in its place. This hint lists, once per construct, which settings those are, why each is unknown, and what Crossover assumed (Lambda's 128 MB default memory, one task, ...), so a quiet analysis is not mistaken for a clean one.",
      howToFix:
        'Nothing is wrong with the code. To have a setting checked and costed, write it as a literal or a `const` in the same app (Crossover follows consts, imported consts, spreads, arithmetic and `Duration` / `Size`), or pass a literal where the construct is instantiated. Switch the hint off with `crossover.rules` if it is noise for your app.',
      exceptions:
        "CDK apps only (TypeScript, JavaScript and Python). Settings that are simply left out are not listed: CDK's defaults apply to them and Crossover knows those. Environment values that reference other resources (a table name, a queue URL) are not settings and are not listed.",
      examples: [
        {
          title: 'Memory computed from the environment',
          bad: "new lambda.Function(this, 'Worker', {\n  runtime: lambda.Runtime.NODEJS_22_X,\n  memorySize: Number(process.env.MEMORY),\n});",
          good: "const MEMORY = 1024;\nnew lambda.Function(this, 'Worker', {\n  runtime: lambda.Runtime.NODEJS_22_X,\n  memorySize: MEMORY,\n});",
        },
      ],
      sources: [{ title: 'AWS CDK: tokens (values resolved at synthesis or deployment time)', url: 'https://docs.aws.amazon.com/cdk/v2/guide/tokens.html' }],
    },
    messages: {
      notStatic: '{{id}}: not known without running the app: {{settings}}.',
    },
  },
  create(ctx) {
    return {
      Template(model) {
        if (model.format !== 'cdk') return;
        for (const node of settingNodes(model)) {
          const settings = describeUnresolved(node);
          if (settings) ctx.report({ node, messageId: 'notStatic', data: { id: node.id, settings } });
        }
      },
    };
  },
});
