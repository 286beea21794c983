// Synthesizes a fixture CDK app (our own test files, never workspace code) with the real aws-cdk-lib, a
// test-only dependency: the ground truth for the static CDK readers and the source of cdk.out templates.
import type * as CdkLib from 'aws-cdk-lib';
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { afterAll } from 'vitest';

// Inside the repository, so the bundled fixtures resolve aws-cdk-lib from its node_modules.
const cache = join(import.meta.dirname, '..', '..', 'node_modules', '.cache');
mkdirSync(cache, { recursive: true });
const work = mkdtempSync(join(cache, 'crossover-cdk-synth-'));
const requireHere = createRequire(import.meta.url);
afterAll(() => rmSync(work, { recursive: true, force: true }));

export interface Resource {
  Type: string;
  Properties?: Record<string, unknown>;
  Metadata?: Record<string, unknown>;
}

export interface Template {
  Resources: Record<string, Resource>;
}

/** One synthesized stack: its construct path (`Fixture`, `Dev`, `Prod/Api` inside a stage) and its template. */
export interface SynthesizedStack {
  path: string;
  template: Template;
}

export interface SynthesizedApp {
  /** The app file: the fixture itself, or `app.ts` of a fixture folder. */
  file: string;
  /** True when the fixture exports `buildApp(app)` (every stack it creates), false for a `FixtureStack` (stack `Fixture`). */
  multiStack: boolean;
  /** The `context` of the fixture folder's cdk.json, as `cdk synth` passes it to the app. */
  context: Record<string, unknown>;
  stacks: SynthesizedStack[];
  /** The class of every construct of the app, by construct path (`Fixture/Web` -> `aws-cdk-lib.aws_ecs_patterns.ApplicationLoadBalancedFargateService`). */
  classes: Map<string, string>;
}

/** The app file of a fixture: a `.ts` file, or a folder holding `app.ts` (and its cdk.json, package.json). */
export function fixtureAppFile(path: string): string {
  return path.endsWith('.ts') ? path : join(path, 'app.ts');
}

/** The `context` of a fixture folder's cdk.json (none for a single-file fixture). */
export function fixtureContext(path: string): Record<string, unknown> {
  const cdkJson = join(path, 'cdk.json');
  if (path.endsWith('.ts') || !existsSync(cdkJson)) return {};
  return (JSON.parse(readFileSync(cdkJson, 'utf8')) as { context?: Record<string, unknown> }).context ?? {};
}

/**
 * Bundles a fixture app (aws-cdk-lib and constructs stay external) and synthesizes it as the CDK CLI does: path
 * metadata on and the fixture folder's cdk.json `context` given to the App. A fixture exports either `FixtureStack`
 * (synthesized as stack `Fixture`) or `buildApp(app)`, which creates its stacks (and stages) in the app.
 *
 * Asset bundling never runs: the context sets `aws:cdk:bundling-stacks` to `[]`, as `cdk synth --exclusively` /
 * `cdk list` do for stacks they do not deploy, so a `NodejsFunction` is synthesized without esbuild or Docker (its
 * code asset is not built; the template is the same but for the asset hash). `__dirname` in a fixture is its own
 * folder, so `entry: path.join(__dirname, 'handlers', 'orders.ts')` finds the handler as in a real app.
 */
export async function synthesizeApp(path: string): Promise<SynthesizedApp> {
  const file = fixtureAppFile(path);
  const name = path.endsWith('.ts') ? basename(path) : basename(path) + '-app';
  const outfile = join(work, `${name}.cjs`);
  await esbuild.build({
    entryPoints: [file],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile,
    external: ['aws-cdk-lib', 'constructs'],
    define: { __dirname: JSON.stringify(dirname(file)) },
    logLevel: 'silent',
  });
  const cdk = requireHere('aws-cdk-lib') as typeof CdkLib;
  const app_ = requireHere(outfile) as { FixtureStack?: new (scope: unknown, id: string) => unknown; buildApp?: (app: CdkLib.App) => void };
  const context = fixtureContext(path);
  // builtinCloudFormationValidation off: aws-cdk-lib's own template checks print "WARNING" blocks on stderr for
  // the pitfalls these fixtures hold on purpose (a 1,000 s timeout, a short visibility timeout, an old runtime),
  // which read as failures in the test output. They are not what these tests compare.
  const app = new cdk.App({
    outdir: join(work, `${name}.out`),
    context: { ...context, 'aws:cdk:enable-path-metadata': true, 'aws:cdk:bundling-stacks': [] },
    builtinCloudFormationValidation: false,
  });
  if (app_.buildApp) app_.buildApp(app);
  else if (app_.FixtureStack) new app_.FixtureStack(app, 'Fixture');
  else throw new Error(`${file} exports neither FixtureStack nor buildApp`);
  const stacks: SynthesizedStack[] = [];
  const collect = (assembly: CdkLib.cx_api.CloudAssembly) => {
    for (const stack of assembly.stacks) stacks.push({ path: stack.hierarchicalId, template: stack.template as Template });
    for (const nested of assembly.nestedAssemblies) collect(nested.nestedAssembly);
  };
  collect(app.synth());
  // aws-cdk-lib's classes carry their jsii name (their JavaScript names may be renamed: `Bundling2`).
  const rtti = Symbol.for('jsii.rtti');
  const className = (c: object) => (c.constructor as unknown as Record<symbol, { fqn?: string } | undefined>)[rtti]?.fqn ?? c.constructor.name;
  const classes = new Map(app.node.findAll().map((c) => [c.node.path, className(c)]));
  return { file, multiStack: app_.buildApp !== undefined, context, stacks, classes };
}

/** The template of a fixture's `FixtureStack`, synthesized as stack `Fixture`. */
export async function synthesizeFixture(path: string): Promise<Template> {
  const app = await synthesizeApp(path);
  const stack = app.stacks.find((s) => s.path === 'Fixture');
  if (!stack) throw new Error(`${path} has no stack Fixture`);
  return stack.template;
}

/** A synthesized resource found by construct path, with the resources of its stack (references stay inside a stack). */
export interface FoundResource {
  stack: SynthesizedStack;
  resources: Record<string, Resource>;
  logicalId: string;
  resource: Resource;
  path: string;
}

/**
 * The resources of a synthesized app, by construct path. A node id of the static reading names a construct path
 * below the stack (`Orders/Handler`) for a `FixtureStack` app (stack `Fixture`), and the full path (`Dev/Orders/Handler`,
 * stack id first) for a `buildApp` app; there, a path below the app's only stack is accepted too.
 */
export class SynthesizedResources {
  /** The resources a node of the static reading stands for. */
  readonly matched = new Set<Resource>();
  private readonly byPath = new Map<string, FoundResource>();

  constructor(private readonly app: SynthesizedApp) {
    for (const stack of app.stacks)
      for (const [logicalId, resource] of Object.entries(stack.template.Resources ?? {})) {
        const path = resource.Metadata?.['aws:cdk:path'];
        if (typeof path === 'string') this.byPath.set(path, { stack, resources: stack.template.Resources, logicalId, resource, path });
      }
  }

  /**
   * The construct paths a node id may stand for: `Fixture/<id>` in a `FixtureStack` app; in a `buildApp` app the id
   * as a full path (`Dev/Orders/Handler`), else the id below one of the stacks (`<stack>/Orders/Handler`) when only
   * one stack holds it (a stack class instantiated once).
   */
  private candidates(id: string, leaf: string): string[] {
    if (!this.app.multiStack) return [`Fixture/${id}`];
    if (this.byPath.has(`${id}/${leaf}`)) return [id];
    const below = this.app.stacks.map((s) => `${s.path}/${id}`).filter((path) => this.byPath.has(`${path}/${leaf}`));
    return below.length === 1 ? below : [id];
  }

  /** The resource at `<id>/<leaf>`, without counting it as read. */
  find(id: string, leaf: string): FoundResource | undefined {
    for (const path of this.candidates(id, leaf)) {
      const found = this.byPath.get(`${path}/${leaf}`);
      if (found) return found;
    }
    return undefined;
  }

  /** The resource at `<id>/<leaf>`, counted as read. */
  match(id: string, leaf: string): FoundResource | undefined {
    const found = this.find(id, leaf);
    if (found) this.matched.add(found.resource);
    return found;
  }

  /** The first resource of a type below `<id>/` (a pattern's `<id>/Service/Service`), counted as read. */
  findBelow(id: string, type: string): FoundResource | undefined {
    const below = (path: string) =>
      [...this.byPath.values()].find((r) => r.resource.Type === type && r.path.startsWith(`${path}/`) && !this.matched.has(r.resource));
    const paths = this.app.multiStack ? [id, ...this.app.stacks.map((s) => `${s.path}/${id}`)] : [`Fixture/${id}`];
    const found = paths.map(below).filter((r) => r !== undefined);
    // In a buildApp app, a path below a stack counts only when one stack holds it.
    const chosen = found.length === 1 || !this.app.multiStack ? found[0] : below(id);
    if (chosen) this.matched.add(chosen.resource);
    return chosen;
  }

  all(): FoundResource[] {
    return [...this.byPath.values()];
  }
}

/**
 * A Lambda function the app declares, as opposed to one aws-cdk-lib adds for itself (custom resource providers and
 * singletons such as `AWS679f53fac002430cb0da5b7982bd2287`, `LogRetentionaae0aa3c5b4d4f87b02d85b201efdd8a`, a cluster capacity's `DrainECSHook`,
 * `Provider/framework-onEvent`), which the static reading leaves out on purpose.
 */
export function isUserFunction(path: string): boolean {
  return !path
    .split('/')
    .some((segment) => /[0-9a-f]{32}$/i.test(segment) || segment.startsWith('framework-') || segment === 'DrainECSHook' || segment.includes('Custom::'));
}

/** A resource's logical id from `{ Ref: id }`. */
export const ref = (value: unknown): string | undefined => (value as { Ref?: string } | undefined)?.Ref;

/** Provisioned concurrency of a function: the sum over its aliases and versions. */
export function provisioned(resources: Record<string, Resource>, functionLogicalId: string): number | undefined {
  const configs = Object.values(resources).filter(
    (r) =>
      (r.Type === 'AWS::Lambda::Alias' || r.Type === 'AWS::Lambda::Version') &&
      ref(r.Properties?.['FunctionName']) === functionLogicalId &&
      r.Properties?.['ProvisionedConcurrencyConfig'],
  );
  if (configs.length === 0) return undefined;
  return configs.reduce(
    (sum, r) => sum + (r.Properties!['ProvisionedConcurrencyConfig'] as { ProvisionedConcurrentExecutions: number }).ProvisionedConcurrentExecutions,
    0,
  );
}

/** The instance type of an Auto Scaling group of the template (its launch configuration or launch template). */
function groupInstanceType(resources: Record<string, Resource>, groupId: string | undefined): string | undefined {
  const group = groupId ? resources[groupId] : undefined;
  if (group?.Type !== 'AWS::AutoScaling::AutoScalingGroup') return undefined;
  const configuration = resources[ref(group.Properties?.['LaunchConfigurationName']) ?? ''];
  if (configuration) return configuration.Properties?.['InstanceType'] as string | undefined;
  const template = resources[ref((group.Properties?.['LaunchTemplate'] as { LaunchTemplateId?: unknown } | undefined)?.LaunchTemplateId) ?? ''];
  return (template?.Properties?.['LaunchTemplateData'] as { InstanceType?: string } | undefined)?.InstanceType;
}

/**
 * The instance type a synthesized EC2 service runs on: its strategy's capacity provider -> Auto Scaling group, or without a
 * strategy its cluster's only capacity (groups created inside the cluster by `addCapacity`, and the providers associated with it).
 */
export function serviceInstanceType(resources: Record<string, Resource>, service: Resource): string | undefined {
  const strategy = (service.Properties?.['CapacityProviderStrategy'] as { CapacityProvider: unknown }[] | undefined) ?? [];
  const viaProvider = (providerId: string | undefined) =>
    groupInstanceType(
      resources,
      ref((resources[providerId ?? '']?.Properties?.['AutoScalingGroupProvider'] as { AutoScalingGroupArn?: unknown } | undefined)?.AutoScalingGroupArn),
    );
  if (strategy.length > 0) return strategy.map((s) => viaProvider(ref(s.CapacityProvider))).find((t) => t !== undefined);
  const clusterId = ref(service.Properties?.['Cluster']);
  const clusterPath = String(resources[clusterId ?? '']?.Metadata?.['aws:cdk:path'] ?? '').replace(/\/Resource$/, '/');
  const sources = [
    ...Object.keys(resources)
      .filter((id) => resources[id]!.Type === 'AWS::AutoScaling::AutoScalingGroup' && String(resources[id]!.Metadata?.['aws:cdk:path']).startsWith(clusterPath))
      .map((id) => groupInstanceType(resources, id)),
    ...Object.values(resources)
      .filter((r) => r.Type === 'AWS::ECS::ClusterCapacityProviderAssociations' && ref(r.Properties?.['Cluster']) === clusterId)
      .flatMap((r) => (r.Properties!['CapacityProviders'] as unknown[]).map((p) => viaProvider(ref(p)))),
  ];
  return sources.length === 1 ? sources[0] : undefined;
}

/** The launch type of a synthesized service: LaunchType, else what its capacity provider strategy names. */
export function launchType(service: Resource): string {
  const written = service.Properties?.['LaunchType'] as string | undefined;
  if (written) return written;
  const strategy = (service.Properties?.['CapacityProviderStrategy'] as { CapacityProvider: unknown }[] | undefined) ?? [];
  if (strategy.some((s) => typeof s.CapacityProvider === 'string' && s.CapacityProvider.startsWith('FARGATE'))) return 'FARGATE';
  // An EC2 capacity provider, or no strategy at all: ECS's default launch type is EC2.
  return 'EC2';
}
