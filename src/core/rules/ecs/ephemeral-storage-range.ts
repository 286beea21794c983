import { FARGATE_LIMITS, isFargateEphemeralStorage } from '../../data/limits.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'ecs/ephemeral-storage-range',
    category: 'ecs',
    severity: 'error',
    kind: 'pitfall',
    docs: {
      description: 'A task definition whose ephemeral storage is outside the 21 to 200 GiB that Fargate accepts.',
      rationale:
        'Fargate gives every task 20 GiB of ephemeral storage; `ephemeralStorage.sizeInGiB` raises it to between 21 and 200 GiB (platform version 1.4.0 or later). Any other value is refused at registration. Storage above 20 GiB is billed per GB-hour.',
      howToFix: 'Set `sizeInGiB` between 21 and 200, or remove `ephemeralStorage` to keep the free 20 GiB.',
      exceptions: 'Silent when the size is not given or not static.',
      sources: [{ title: 'EphemeralStorage (ECS API)', url: FARGATE_LIMITS.minEphemeralStorageGb.url }],
    },
    messages: {
      outOfRange: 'Ephemeral storage {{size}} GiB is outside the {{min}}-{{max}} GiB Fargate accepts (20 GiB come free without the setting).',
    },
  },
  create(ctx) {
    return {
      EcsTaskDefinition(task) {
        const size = task.ephemeralStorageGb;
        if (size.origin === 'default' || size.value === undefined) return;
        const min = FARGATE_LIMITS.minEphemeralStorageGb.value;
        const max = FARGATE_LIMITS.maxEphemeralStorageGb.value;
        if (isFargateEphemeralStorage(size.value)) return;
        ctx.report({ node: task, field: size, messageId: 'outOfRange', data: { size: size.value, min, max } });
      },
    };
  },
});
