import { FARGATE_LIMITS } from '../../data/limits.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'ecs/fargate-network-mode',
    category: 'ecs',
    severity: 'error',
    kind: 'pitfall',
    fixable: true,
    docs: {
      description: 'A task definition that runs on Fargate with a network mode other than awsvpc.',
      rationale:
        'Every Fargate task gets its own elastic network interface: Fargate accepts only the `awsvpc` network mode. Without `networkMode`, ECS uses `bridge`, which Fargate refuses.',
      howToFix: 'Set `networkMode` to `awsvpc`.',
      exceptions: 'Only task definitions that run on Fargate; silent when the mode is not static.',
      sources: [{ title: 'Network mode (ECS task definition parameters)', url: FARGATE_LIMITS.networkMode.url }],
    },
    messages: {
      mode: 'Network mode {{mode}}{{origin}} is not available on Fargate, which runs every task in awsvpc mode.',
    },
  },
  create(ctx) {
    return {
      EcsTaskDefinition(task) {
        const mode = task.networkMode;
        if (!task.fargate || mode.value === undefined || mode.value === 'awsvpc') return;
        const json = /\.json$/i.test(ctx.model.uri);
        ctx.report({
          node: task,
          field: mode,
          messageId: 'mode',
          data: { mode: mode.value, origin: mode.origin === 'default' ? ' (the default when networkMode is not set)' : '' },
          ...(mode.origin === 'explicit' && mode.at && mode.via === undefined
            ? { fix: { title: 'Use awsvpc', edits: [{ range: mode.at.range, newText: json ? '"awsvpc"' : 'awsvpc' }] } }
            : {}),
        });
      },
    };
  },
});
