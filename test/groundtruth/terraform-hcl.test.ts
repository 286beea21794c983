/**
 * Ground truth for the Terraform reader: every .tf file of the shared corpus (kind `tf`) that declares an
 * `aws_lambda_function`, an `aws_ecs_task_definition` or a `terraform-aws-modules/lambda/aws` module is read twice:
 * by HashiCorp's own HCL parser (test/support/terraform-independent.ts, no tree-sitter, no code of Crossover's) for the
 * values written as plain literals, and by the engine, with its folder, as an editor would. The literal values must
 * equal the model's for the same address on at least 99% of them, and every resource the independent side finds
 * (unless a literal `count = 0` or module switch says there is none) must be in the model, with as many instances as a
 * literal `count` / `for_each` makes. Skipped, with a message, when the corpus is not on this machine.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { beforeAll, describe, expect, test } from 'vitest';
import { resolveConfig } from '../../src/core/config.js';
import { analyzeText } from '../../src/core/engine.js';
import { type EcsTaskDefinition, type LambdaFunction } from '../../src/core/model/nodes.js';
import { type TerraformReader } from '../../src/core/parse/readers.js';
import { fileReaderFor } from '../../src/node/file-reader.js';
import { corpusIndex, corpusRoot } from '../support/corpus.js';
import { type IndependentResource, type ModelField, independentReading } from '../support/terraform-independent.js';
import { testTerraformReader } from '../support/terraform-reader.js';

const corpus = corpusRoot();
if (!corpus) console.log('Terraform ground truth skipped: ../shared/corpus (or CROSSOVER_CORPUS) is not on this machine');
const config = resolveConfig({ now: new Date('2026-11-24T00:00:00Z') });

let reader: TerraformReader;
beforeAll(async () => {
  reader = await testTerraformReader();
});

/** A model node's value for a field, in the terms of the independent reading (compatibilities sorted). */
function modelValue(node: LambdaFunction | EcsTaskDefinition, field: ModelField): unknown {
  if (field === 'compatibilities') return node.kind === 'ecs-task-definition' ? [...node.compatibilities].sort() : undefined;
  const value = (node as unknown as Record<string, { value?: unknown } | undefined>)[field];
  return value?.value;
}

/** The model nodes of one address: the resource itself, or its instances (`aws_lambda_function.fn["a"]`, `module.m[0]`). */
function nodesOf(resource: IndependentResource, functions: readonly LambdaFunction[], tasks: readonly EcsTaskDefinition[]) {
  const nodes: readonly (LambdaFunction | EcsTaskDefinition)[] = resource.kind === 'task-definition' ? tasks : functions;
  return nodes.filter((n) => n.id === resource.address || n.id.startsWith(`${resource.address}[`));
}

describe.skipIf(!corpus)('Terraform ground truth over the shared corpus', () => {
  test('Crossover reads the literal values HashiCorp parser reads, for the same addresses', async () => {
    const files = corpusIndex(corpus!).filter((e) => e.kind === 'tf');
    let equal = 0;
    let compared = 0;
    let nodes = 0;
    let instancesEqual = 0;
    let instancesCompared = 0;
    const byField = new Map<string, number>();
    const differences: string[] = [];
    const missed: string[] = [];
    const unparsed: string[] = [];
    let withResources = 0;
    for (const entry of files) {
      const path = join(corpus!, entry.path);
      const text = readFileSync(path, 'utf8');
      let independent: IndependentResource[];
      try {
        independent = await independentReading(entry.path.split('/').pop()!, text);
      } catch (error) {
        unparsed.push(`${entry.path}: ${String(error)}`);
        continue;
      }
      if (independent.length === 0) continue;
      withResources++;
      const folder = dirname(path);
      const result = analyzeText(
        {
          uri: path,
          text,
          terraform: reader,
          readFile: fileReaderFor(path, { folder: join(corpus!, entry.path.split('/')[0]!), label: 'the folder given' }),
          folderFiles: () => readdirSync(folder),
        },
        config,
      );
      const functions = result.model?.functions ?? [];
      const tasks = result.model?.taskDefinitions ?? [];
      for (const resource of independent) {
        if (resource.instances === 0) continue;
        const found = nodesOf(resource, functions, tasks);
        if (found.length === 0) {
          missed.push(`${entry.path}: ${resource.address}`);
          continue;
        }
        // The instances count/for_each makes, when they are literals, must all be in the model.
        if (resource.instances !== undefined) {
          instancesCompared++;
          if (found.length === resource.instances) instancesEqual++;
          else differences.push(`${entry.path}: ${resource.address}: ${resource.instances} instances written, ${found.length} in the model`);
        }
        for (const node of found) {
          nodes++;
          for (const { attribute, field, value } of resource.values) {
            compared++;
            byField.set(attribute, (byField.get(attribute) ?? 0) + 1);
            const model = modelValue(node, field);
            if (isDeepStrictEqual(model, value)) equal++;
            else differences.push(`${entry.path}: ${node.id} ${attribute} = ${JSON.stringify(value)}, model ${field} = ${JSON.stringify(model)}`);
          }
        }
      }
    }
    const share = compared === 0 ? 0 : (100 * equal) / compared;
    console.log(
      `Terraform ground truth: ${equal} of ${compared} values equal (${share.toFixed(2)}%), ${nodes} functions and task definitions, ${missed.length} missed ` +
        `(${withResources} of ${files.length} .tf files declare them; ${unparsed.length} not parsed by HashiCorp parser); ` +
        `values compared: ${[...byField].map(([attribute, n]) => `${attribute} ${n}`).join(', ')}; ` +
        `${instancesEqual} of ${instancesCompared} literal instance counts (none, count, for_each) equal`,
    );
    if (differences.length > 0) console.log(`differences:\n  ${differences.join('\n  ')}`);
    if (missed.length > 0) console.log(`missed:\n  ${missed.join('\n  ')}`);
    expect(withResources).toBeGreaterThan(50);
    expect(unparsed).toEqual([]);
    expect(missed).toEqual([]);
    expect(share).toBeGreaterThanOrEqual(99);
    expect(instancesEqual).toBe(instancesCompared);
  }, 300_000);
});
