import { FARGATE_LIMITS } from '../../data/limits.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'ecs/scaling-cooldowns',
    category: 'ecs',
    severity: 'info',
    kind: 'suggestion',
    docs: {
      description: 'A target-tracking scaling policy of an ECS service whose scale-out cooldown is longer than its scale-in cooldown.',
      rationale:
        'New tasks take 30 to 60 seconds to start (image pull, network interface, health checks), so a service must be able to add capacity quickly and should remove it slowly. A scale-out cooldown longer than the scale-in one does the opposite: under a rising load it waits before adding more tasks.',
      howToFix: 'Make `ScaleOutCooldown` shorter than (or equal to) `ScaleInCooldown`, e.g. 60 s out and 300 s in.',
      exceptions: 'Silent when either cooldown is not set or not static.',
      sources: [
        {
          title: 'Target tracking scaling policies for ECS',
          url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-autoscaling-targettracking.html',
        },
        { title: 'Scaling containers on AWS (task start times)', url: FARGATE_LIMITS.taskStartSeconds.url },
      ],
    },
    messages: {
      slowOut:
        'Scale-out cooldown {{out}} s is longer than the scale-in cooldown {{in}} s of {{policy}}: under rising load the service waits to add tasks that already take up to a minute to start.',
    },
  },
  create(ctx) {
    return {
      EcsService(service) {
        for (const policy of service.scalingPolicies) {
          const out = policy.scaleOutCooldownSeconds?.value;
          const inn = policy.scaleInCooldownSeconds?.value;
          if (out === undefined || inn === undefined || out <= inn) continue;
          ctx.report({ node: service, field: policy.scaleOutCooldownSeconds!, messageId: 'slowOut', data: { out, in: inn, policy: policy.id } });
        }
      },
    };
  },
});
