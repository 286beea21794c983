// `crossover cost` refuses sizes AWS would refuse (with the valid values) instead of pricing them: the Fargate task
// size (the ecs/fargate-task-size rule's table), Lambda's /tmp and the task's ephemeral storage.
import { describe, expect, test } from 'vitest';
import { parseCostRequest, type CostRequest } from '../../src/cli/cost-args.js';
import { UsageError } from '../../src/cli/args.js';
import { FARGATE_TASK_SIZES } from '../../src/core/data/limits.js';

const parse = (...argv: string[]) => parseCostRequest(argv) as CostRequest;
const refusal = (...argv: string[]): string => {
  try {
    parseCostRequest(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`accepted: ${argv.join(' ')}`);
};

describe('Fargate task size', () => {
  test('3 vCPU with 1 GB is refused, naming the valid sizes and the nearest one', () => {
    const message = refusal('--fargate-vcpu', '3', '--fargate-memory-gb', '1');
    expect(message).toContain('--fargate-vcpu 3 with --fargate-memory-gb 1 is not a Fargate task size.');
    expect(message).toContain('0.25 vCPU with 0.5, 1 or 2 GB; 0.5 vCPU with 1 to 4 GB (1 GB steps)');
    expect(message).toContain('8 vCPU with 16 to 60 GB (4 GB steps); 16 vCPU with 32 to 120 GB (8 GB steps)');
    expect(message).toContain('The nearest size with at least as much: 4 vCPU with 8 GB.');
  });

  test.each([
    ['1', '1'],
    ['4', '31'],
    ['8', '18'],
    ['16', '124'],
    ['0.3', '1'],
    ['32', '128'],
  ])('%s vCPU with %s GB is refused', (vcpu, gb) => {
    expect(refusal('--fargate-vcpu', vcpu, '--fargate-memory-gb', gb)).toMatch(/is not a Fargate task size/);
  });

  test('one flag alone: a vCPU must be a Fargate vCPU; the other half is sized from the function', () => {
    expect(refusal('--fargate-vcpu', '3')).toMatch(/--fargate-vcpu 3 is not a Fargate vCPU/);
    expect(parse('--fargate-vcpu', '4').flags).toMatchObject({ fargateVcpu: 4, fargateMemoryGb: null });
    expect(parse('--fargate-memory-gb', '3').flags).toMatchObject({ fargateVcpu: null, fargateMemoryGb: 3 });
  });

  test('every size of the table is accepted, the 8 and 16 vCPU sizes included', () => {
    for (const { cpuUnits, memoryMb } of FARGATE_TASK_SIZES) {
      for (const mb of memoryMb) {
        const request = parse('--fargate-vcpu', String(cpuUnits / 1024), '--fargate-memory-gb', String(mb / 1024));
        expect(request.flags.fargateVcpu! * 1024).toBe(cpuUnits);
      }
    }
    expect(parse('--fargate-vcpu', '16', '--fargate-memory-gb', '120').flags.fargateMemoryGb).toBe(120);
  });
});

describe('/tmp sizes', () => {
  test('Lambda: 512 to 10,240 MB', () => {
    expect(parse('--ephemeral-storage-mb', '512').flags.ephemeralStorageMb).toBe(512);
    expect(parse('--ephemeral-storage-mb', '10240').flags.ephemeralStorageMb).toBe(10240);
    expect(refusal('--ephemeral-storage-mb', '256')).toBe(
      '--ephemeral-storage-mb must be between 512 and 10240 (the /tmp sizes Lambda accepts, in MB); got 256',
    );
    expect(refusal('--ephemeral-storage-mb', '20480')).toMatch(/got 20480$/);
  });

  test('Fargate: 21 to 200 GiB, or the 20 GiB default', () => {
    expect(parse().flags.fargateEphemeralStorageGb).toBe(20);
    expect(parse('--fargate-ephemeral-storage-gb', '20').flags.fargateEphemeralStorageGb).toBe(20);
    expect(parse('--fargate-ephemeral-storage-gb', '21').flags.fargateEphemeralStorageGb).toBe(21);
    expect(parse('--fargate-ephemeral-storage-gb', '200').flags.fargateEphemeralStorageGb).toBe(200);
    expect(refusal('--fargate-ephemeral-storage-gb', '201')).toBe(
      '--fargate-ephemeral-storage-gb must be between 21 and 200 (the sizes a Fargate task accepts, in GiB), or 20 (the default, without the setting); got 201',
    );
    expect(refusal('--fargate-ephemeral-storage-gb', '10')).toMatch(/got 10$/);
  });
});
