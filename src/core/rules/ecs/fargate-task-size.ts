import { FARGATE_LIMITS, fargateSizesText, isFargateSize, nearestFargateSize } from '../../data/limits.js';
import { isLiteral, type Field } from '../../model/field.js';
import { type EcsTaskDefinition } from '../../model/nodes.js';
import { type Fix } from '../../findings.js';
import { defineRule } from '../rule.js';

const vcpu = (units: number) => `${units / 1024} vCPU`;
const gb = (mb: number) => `${mb / 1024} GB`;

export default defineRule({
  meta: {
    id: 'ecs/fargate-task-size',
    category: 'ecs',
    severity: 'error',
    kind: 'pitfall',
    fixable: true,
    docs: {
      description: 'A Fargate task definition whose task CPU and memory are not a size Fargate offers, or that leaves either out.',
      rationale: `Fargate runs a fixed set of task sizes: ${fargateSizesText()}. Any other pair, or a task without task-level CPU and memory, is refused when the task definition is registered, so the deployment fails. \`crossover cost\` checks its \`--fargate-vcpu\` and \`--fargate-memory-gb\` against the same table.`,
      howToFix: 'Use the nearest valid size the finding names (the smallest size with at least the CPU and memory you asked for); the quick fix writes it.',
      exceptions:
        "Only task definitions that run on Fargate (FARGATE in requiresCompatibilities, or launched by a Fargate service in the same template). Values that are not static (parameters, placeholders such as `${CPU}`) are not checked. A CDK `FargateTaskDefinition` or Fargate pattern that leaves cpu or memory out gets CDK's 256 CPU units / 512 MiB, which CDK writes into the template: that size is checked like a written one, never reported as missing.",
      examples: [
        {
          title: '1 vCPU with 1 GB',
          bad: '{\n  "requiresCompatibilities": ["FARGATE"],\n  "cpu": "1024",\n  "memory": "1024"\n}',
          good: '{\n  "requiresCompatibilities": ["FARGATE"],\n  "cpu": "1024",\n  "memory": "2048"\n}',
        },
      ],
      sources: [{ title: 'Task size (ECS task definition parameters)', url: FARGATE_LIMITS.taskSizes.url }],
    },
    messages: {
      invalid:
        'CPU {{cpu}} ({{vcpu}}) with {{memory}} MiB ({{gb}}) is not a Fargate task size; the nearest is {{nearestCpu}} CPU / {{nearestMemory}} MiB ({{nearestVcpu}} / {{nearestGb}}).',
      missing: 'A Fargate task needs task-level {{missing}}; without it the task definition cannot be registered.',
    },
  },
  create(ctx) {
    return {
      EcsTaskDefinition(task) {
        if (!task.fargate) return;
        const cpu = task.cpuUnits;
        const memory = task.memoryMb;
        // Missing: not written and no default (a CDK FargateTaskDefinition's 256 / 512 default is a size, checked below).
        const absent = (field: Field<number>) => field.origin === 'default' && field.value === undefined;
        if (absent(cpu) || absent(memory)) {
          const missing = [absent(cpu) ? 'cpu' : '', absent(memory) ? 'memory' : ''].filter(Boolean).join(' and ');
          ctx.report({ node: task, messageId: 'missing', data: { missing } });
          return;
        }
        if (cpu.value === undefined || memory.value === undefined || isFargateSize(cpu.value, memory.value)) return;
        const nearest = nearestFargateSize(cpu.value, memory.value);
        const wrongCpu = !FARGATE_LIMITS.taskSizes.value.some((s) => s.cpuUnits === cpu.value);
        ctx.report({
          node: task,
          field: wrongCpu ? cpu : memory,
          messageId: 'invalid',
          data: {
            // As strings: the values are written without thousands separators in task definitions.
            cpu: String(cpu.value),
            vcpu: vcpu(cpu.value),
            memory: String(memory.value),
            gb: gb(memory.value),
            nearestCpu: String(nearest.cpuUnits),
            nearestMemory: String(nearest.memoryMb),
            nearestVcpu: vcpu(nearest.cpuUnits),
            nearestGb: gb(nearest.memoryMb),
          },
          related: [{ loc: (wrongCpu ? memory.at : cpu.at) ?? task.loc, message: wrongCpu ? `memory ${memory.value} MiB` : `CPU ${cpu.value} units` }],
          ...fixFor(task, nearest, /\.json$/i.test(ctx.model.uri)),
        });
      },
    };
  },
});

/** Rewrites the literal values, keeping strings as strings (the ECS API form writes "1024"). */
function fixFor(task: EcsTaskDefinition, nearest: { cpuUnits: number; memoryMb: number }, json: boolean): { fix?: Fix } {
  const edit = (field: Field<number>, value: number) => {
    if (!isLiteral(field) || !field.at) return undefined;
    // JSON task definitions write cpu and memory as strings; in YAML a plain number reads the same.
    return { range: field.at.range, newText: json ? `"${value}"` : String(value) };
  };
  const edits = [
    task.cpuUnits.value !== nearest.cpuUnits ? edit(task.cpuUnits, nearest.cpuUnits) : null,
    task.memoryMb.value !== nearest.memoryMb ? edit(task.memoryMb, nearest.memoryMb) : null,
  ];
  if (edits.some((e) => e === undefined)) return {};
  const real = edits.filter((e): e is { range: NonNullable<Field<number>['at']>['range']; newText: string } => !!e);
  return real.length ? { fix: { title: `Use ${nearest.cpuUnits} CPU / ${nearest.memoryMb} MiB`, edits: real } } : {};
}
