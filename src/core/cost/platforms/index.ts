/**
 * The compute platforms, in the order they are shown. Lambda is the reference: every other platform gets a
 * crossover against it. Adding a platform: one module beside these (see types.ts) and one line in
 * SHOWN_BY_DEFAULT (a column unless the user names others) or ON_REQUEST (costed only when named);
 * a test may register one for its own run (registerPlatform).
 */
import { appRunnerPlatform } from './app-runner.js';
import { ecsEc2Platform } from './ecs-ec2.js';
import { ecsExpressPlatform } from './ecs-express.js';
import { ecsFargatePlatform } from './ecs-fargate.js';
import { ecsFargateSpotPlatform } from './ecs-fargate-spot.js';
import { eksEc2Platform } from './eks-ec2.js';
import { eksFargatePlatform } from './eks-fargate.js';
import { lambdaManagedPlatform } from './lambda-managed.js';
import { lambdaPlatform } from './lambda.js';
import { type Scenario } from '../model.js';
import { type Platform } from './types.js';

/** Always costed: the reference and the container baseline every face names by field. */
const BUILT_IN: readonly Platform[] = [lambdaPlatform, ecsFargatePlatform];

/** Shown by default beside the two (when the user names no platforms): the four columns of the comparison. */
const SHOWN_BY_DEFAULT: readonly Platform[] = [ecsEc2Platform, eksFargatePlatform];

/**
 * Built platforms a user turns on by name (`crossover.platforms`, `crossover cost --platforms`, the view's switches):
 * costed only when named, in this order after the shown ones. App Runner only for its existing customers
 * (`appRunnerCustomer`): it takes no new ones.
 */
const ON_REQUEST: readonly Platform[] = [eksEc2Platform, ecsExpressPlatform, ecsFargateSpotPlatform, lambdaManagedPlatform, appRunnerPlatform];

/** The platform ids shown when the user names none (Lambda and ECS on Fargate first). */
export const DEFAULT_PLATFORM_IDS: readonly string[] = [...BUILT_IN, ...SHOWN_BY_DEFAULT].map((p) => p.id);

let registry: readonly Platform[] = [...BUILT_IN, ...SHOWN_BY_DEFAULT];

/** App Runner is costed only for an account that says it already uses App Runner. */
const allowed = (p: Platform, s: Pick<Scenario, 'appRunnerCustomer'> | undefined) => p !== appRunnerPlatform || s?.appRunnerCustomer === true;

/**
 * The platforms to cost, the reference (Lambda) first: those shown by default (and any a test registered), or,
 * given a scenario that names platforms, those of them and of the platforms on request (Lambda and ECS on Fargate
 * always). App Runner only with `appRunnerCustomer`.
 */
export function platforms(s?: Pick<Scenario, 'platforms' | 'appRunnerCustomer'>): readonly Platform[] {
  const enabled = s?.platforms;
  if (!enabled) return registry.filter((p) => allowed(p, s));
  const shown = registry.filter((p) => BUILT_IN.includes(p) || enabled.includes(p.id));
  return [...shown, ...ON_REQUEST.filter((p) => enabled.includes(p.id) && !shown.includes(p) && allowed(p, s))];
}

/** Every platform a user may turn on (App Runner only for its existing customers), in the order they are shown. */
export function offeredPlatforms(s?: Pick<Scenario, 'appRunnerCustomer'>): readonly Platform[] {
  return availablePlatforms().filter((p) => allowed(p, s));
}

/** Every platform this version has: the shown ones and those on request (what a user may name). */
export function availablePlatforms(): readonly Platform[] {
  return [...registry, ...ON_REQUEST.filter((p) => !registry.includes(p))];
}

/** The platforms compared with the reference (all but Lambda), as `platforms` chooses them. */
export function otherPlatforms(s?: Pick<Scenario, 'platforms'>): readonly Platform[] {
  return platforms(s).filter((p) => p !== lambdaPlatform);
}

/**
 * The platforms beyond Lambda and ECS Fargate, the two that today's JSON and text name by field: a platform
 * added to SHOWN_BY_DEFAULT or ON_REQUEST is listed here too, so it shows wherever a registered test platform does.
 */
export function extraPlatforms(): readonly Platform[] {
  return availablePlatforms().filter((p) => p !== lambdaPlatform && p !== ecsFargatePlatform);
}

export function platformById(id: string): Platform | undefined {
  return availablePlatforms().find((p) => p.id === id);
}

/**
 * Adds a platform after the others (one of the same id that was registered before is replaced; a built-in
 * id is refused); returns what takes it out again.
 */
export function registerPlatform(platform: Platform): () => void {
  if ([...BUILT_IN, ...SHOWN_BY_DEFAULT, ...ON_REQUEST].some((p) => p.id === platform.id)) return () => {};
  registry = [...registry.filter((p) => p.id !== platform.id), platform];
  return () => {
    registry = registry.filter((p) => p !== platform);
  };
}

export { ecsFargatePlatform, lambdaPlatform };
// The platforms beyond the two, for the faces and tests that name one: shown by default (ECS on EC2, EKS on
// Fargate) or on request (the others; App Runner only for its existing customers).
export { appRunnerPlatform, APP_RUNNER_EXISTING_CUSTOMERS_ONLY, APP_RUNNER_STATUS } from './app-runner.js';
export { ecsExpressPlatform } from './ecs-express.js';
export { ecsFargateSpotPlatform } from './ecs-fargate-spot.js';
export { eksFargatePlatform } from './eks-fargate.js';
export { ecsEc2Platform } from './ecs-ec2.js';
export { eksEc2Platform } from './eks-ec2.js';
export { lambdaManagedPlatform } from './lambda-managed.js';
export type { CostPart, Deployment, Platform, PlatformCost, PlatformCurve } from './types.js';
