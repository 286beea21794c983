/**
 * The compute platforms, in the order they are shown. Lambda is the reference: every other platform gets a
 * crossover against it. Adding a platform: one module beside these (see types.ts) and one line in BUILT_IN;
 * a test may register one for its own run (registerPlatform).
 */
import { ecsFargatePlatform } from './ecs-fargate.js';
import { lambdaPlatform } from './lambda.js';
import { type Scenario } from '../model.js';
import { type Platform } from './types.js';

const BUILT_IN: readonly Platform[] = [lambdaPlatform, ecsFargatePlatform];

let registry: readonly Platform[] = BUILT_IN;

/**
 * Every platform, the reference (Lambda) first; given a scenario that names the platforms to cost, only those
 * (Lambda and ECS on Fargate always).
 */
export function platforms(s?: Pick<Scenario, 'platforms'>): readonly Platform[] {
  const enabled = s?.platforms;
  return enabled ? registry.filter((p) => p === lambdaPlatform || p === ecsFargatePlatform || enabled.includes(p.id)) : registry;
}

/** The platforms compared with the reference (all but Lambda), as `platforms` chooses them. */
export function otherPlatforms(s?: Pick<Scenario, 'platforms'>): readonly Platform[] {
  return platforms(s).filter((p) => p !== lambdaPlatform);
}

/**
 * The platforms beyond Lambda and ECS Fargate, the two that today's JSON and text name by field: a platform
 * added to BUILT_IN is listed here too, so it shows wherever a registered test platform does.
 */
export function extraPlatforms(): readonly Platform[] {
  return registry.filter((p) => p !== lambdaPlatform && p !== ecsFargatePlatform);
}

export function platformById(id: string): Platform | undefined {
  return registry.find((p) => p.id === id);
}

/**
 * Adds a platform after the others (one of the same id that was registered before is replaced; a built-in
 * id is refused); returns what takes it out again.
 */
export function registerPlatform(platform: Platform): () => void {
  if (BUILT_IN.some((p) => p.id === platform.id)) return () => {};
  registry = [...registry.filter((p) => p.id !== platform.id), platform];
  return () => {
    registry = registry.filter((p) => p !== platform);
  };
}

export { ecsFargatePlatform, lambdaPlatform };
// Issue 16's Fargate-like platforms: built, not yet in BUILT_IN (the faces enable platforms later).
export { appRunnerPlatform, APP_RUNNER_EXISTING_CUSTOMERS_ONLY, APP_RUNNER_STATUS } from './app-runner.js';
export { ecsExpressPlatform } from './ecs-express.js';
export { ecsFargateSpotPlatform } from './ecs-fargate-spot.js';
export { eksFargatePlatform } from './eks-fargate.js';
// Platforms on EC2 capacity: built, not yet shown (a test or a face registers them with registerPlatform).
export { ecsEc2Platform } from './ecs-ec2.js';
export { eksEc2Platform } from './eks-ec2.js';
export { lambdaManagedPlatform } from './lambda-managed.js';
export type { CostPart, Deployment, Platform, PlatformCost, PlatformCurve } from './types.js';
