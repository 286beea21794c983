import { LAMBDA_LIMITS } from '../../data/limits.js';
import { defineRule } from '../rule.js';

const MIN = LAMBDA_LIMITS.managedInstancesMinMemoryGibPerVcpu;
const MAX = LAMBDA_LIMITS.managedInstancesMaxMemoryGibPerVcpu;

export default defineRule({
  meta: {
    id: 'lambda/managed-instances-memory-per-vcpu',
    category: 'lambda',
    severity: 'error',
    kind: 'pitfall',
    docs: {
      description: `A Lambda Managed Instances function whose memory per vCPU (ExecutionEnvironmentMemoryGiBPerVCpu) is outside ${MIN.value} to ${MAX.value} GiB.`,
      rationale: `On Lambda Managed Instances an execution environment gets its vCPUs from its memory and the memory-to-vCPU ratio of its capacity provider configuration, which takes ${MIN.value} to ${MAX.value} GiB per vCPU. Outside that range the function cannot be created or updated.`,
      howToFix: `Set \`ExecutionEnvironmentMemoryGiBPerVCpu\` between ${MIN.value} and ${MAX.value}: lower for CPU-bound work (more vCPUs for the memory), higher for memory-bound work.`,
      exceptions: 'Functions without `CapacityProviderConfig` (on-demand Lambda), and values that are not static, are not checked.',
      examples: [
        {
          title: 'Sixteen GiB per vCPU',
          bad: 'Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      MemorySize: 8192\n      CapacityProviderConfig:\n        LambdaManagedInstancesCapacityProviderConfig:\n          CapacityProviderArn: !GetAtt Provider.Arn\n          ExecutionEnvironmentMemoryGiBPerVCpu: 16',
          good: 'Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      MemorySize: 8192\n      CapacityProviderConfig:\n        LambdaManagedInstancesCapacityProviderConfig:\n          CapacityProviderArn: !GetAtt Provider.Arn\n          ExecutionEnvironmentMemoryGiBPerVCpu: 4',
        },
      ],
      sources: [{ title: 'Lambda Managed Instances', url: MIN.url }],
    },
    messages: {
      outOfRange: 'ExecutionEnvironmentMemoryGiBPerVCpu {{ratio}} is outside the {{min}} to {{max}} GiB per vCPU Lambda Managed Instances take.',
    },
  },
  create(ctx) {
    return {
      LambdaFunction(fn) {
        const ratio = fn.memoryGibPerVcpu;
        if (!fn.capacityProvider || ratio?.value === undefined) return;
        if (ratio.value >= MIN.value && ratio.value <= MAX.value) return;
        ctx.report({ node: fn, field: ratio, messageId: 'outOfRange', data: { ratio: ratio.value, min: MIN.value, max: MAX.value } });
      },
    };
  },
});
