import { PRICE_TABLE } from '../../data/pricing.js';
import { type Field } from '../../model/field.js';
import { type EcsContainer, type EcsTaskDefinition } from '../../model/nodes.js';
import { defineRule } from '../rule.js';

/** vCPU and memory of the EC2 instance types Crossover knows (the price data's catalogue), by name. */
const INSTANCE_TYPES = PRICE_TABLE.instanceTypes;
const MIB_PER_GIB = 1024;
const CPU_UNITS_PER_VCPU = 1024;

export default defineRule({
  meta: {
    id: 'ecs/task-fits-instance',
    category: 'ecs',
    severity: 'error',
    kind: 'pitfall',
    docs: {
      description: "An ECS service on EC2 whose task needs more CPU or memory than the capacity provider's instance type has.",
      rationale:
        'ECS places a task on an instance only when the instance has the CPU units and memory the task reserves. A task larger than the whole instance can never be placed: the service stays at zero running tasks, and the capacity provider keeps launching instances that cannot take it. (An instance registers somewhat less than its nominal memory, since the operating system and the ECS agent keep a share, so a task close to the size of the instance fails too; this rule reports only what cannot fit at all.)',
      howToFix:
        "Choose a larger instance type in the launch template, or make the task definition's `Cpu` and `Memory` fit the instance with room for the agent.",
      exceptions: `Only services whose capacity provider's instance type the template states (capacity provider -> Auto Scaling group -> launch template or launch configuration) and whose type Crossover knows (${Object.keys(INSTANCE_TYPES).length} general-purpose, compute and memory types); task sizes that are not static are not guessed. In a CDK app, the type comes from the capacity provider strategy's \`AsgCapacityProvider\` (its Auto Scaling group's \`instanceType\`), or, without a strategy, from the cluster's only capacity (\`addCapacity\` or one capacity provider): with two or more, placement decides and nothing is reported. A task without a task-level size (an \`Ec2TaskDefinition\` has none) is sized by the sum of its containers' reservations (\`memoryReservationMiB\`, else \`memoryLimitMiB\`; \`cpu\`).`,
      examples: [
        {
          title: 'A 16 GB task on an 8 GB instance',
          bad: 'Resources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      RequiresCompatibilities: [EC2]\n      Cpu: 2048\n      Memory: 16384\n  LaunchTemplate:\n    Type: AWS::EC2::LaunchTemplate\n    Properties:\n      LaunchTemplateData:\n        InstanceType: m7g.large\n  ...',
        },
      ],
      sources: [
        { title: 'Amazon ECS task placement', url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement.html' },
        { title: 'Container instance memory management', url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/memory-management.html' },
      ],
    },
    messages: {
      memory: 'Task {{task}} reserves {{taskMemory}} MiB, more than the {{instanceMemory}} MiB of a {{type}} instance: ECS can never place it.',
      cpu: 'Task {{task}} reserves {{taskCpu}} CPU units, more than the {{instanceCpu}} of a {{type}} instance ({{vcpu}} vCPU): ECS can never place it.',
    },
  },
  create(ctx) {
    return {
      EcsService(service) {
        const type = service.instanceType?.value;
        if (!type || !Object.hasOwn(INSTANCE_TYPES, type) || service.launchType.value === 'FARGATE') return;
        const node = service.taskDefinitionId ? ctx.model.byId.get(service.taskDefinitionId) : undefined;
        if (node?.kind !== 'ecs-task-definition') return;
        const task: EcsTaskDefinition = node;
        const instance = INSTANCE_TYPES[type]!;
        const instanceMemory = instance.memoryGiB * MIB_PER_GIB;
        const instanceCpu = instance.vcpu * CPU_UNITS_PER_VCPU;
        const related = [
          {
            loc: service.instanceType!.at ?? service.loc,
            message: `The capacity provider launches ${type} instances (${instance.vcpu} vCPU, ${instance.memoryGiB} GiB).`,
          },
        ];
        // Without a task-level size (an EC2 task may have none), the containers' reservations add up.
        const memory =
          task.memoryMb.value !== undefined
            ? { total: task.memoryMb.value, field: task.memoryMb }
            : containerSum(task, (c) => c.memoryReservationMb ?? c.memoryMb);
        if (memory && memory.total > instanceMemory)
          ctx.report({
            node: task,
            field: memory.field,
            messageId: 'memory',
            data: { task: task.id, taskMemory: memory.total, instanceMemory, type },
            related,
          });
        const cpu = task.cpuUnits.value !== undefined ? { total: task.cpuUnits.value, field: task.cpuUnits } : containerSum(task, (c) => c.cpuUnits);
        if (cpu && cpu.total > instanceCpu)
          ctx.report({
            node: task,
            field: cpu.field,
            messageId: 'cpu',
            data: { task: task.id, taskCpu: cpu.total, instanceCpu, vcpu: instance.vcpu, type },
            related,
          });
      },
    };
  },
});

/**
 * The sum of what the containers reserve (a lower bound when some are not known: reservations are never negative),
 * reported on the largest container's value; undefined when no container states one.
 */
function containerSum(
  task: EcsTaskDefinition,
  of: (container: EcsContainer) => Field<number> | undefined,
): { total: number; field: Field<number> } | undefined {
  let total = 0;
  let largest: Field<number> | undefined;
  for (const container of task.containers) {
    const field = of(container);
    if (field?.value === undefined) continue;
    total += field.value;
    if (largest?.value === undefined || field.value > largest.value) largest = field;
  }
  return largest ? { total, field: largest } : undefined;
}
