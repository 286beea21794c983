/**
 * Every rule, in one explicit list sorted by id (no file-system discovery, so bundles stay simple and the
 * meta tests can compare this list with the files on disk).
 */
import appRunnerClosedToNewCustomers from './app-runner/closed-to-new-customers.js';
import cdkValueNotStatic from './cdk/value-not-static.js';
import terraformValueNotStatic from './terraform/value-not-static.js';
import duplicateKey from './duplicate-key.js';
import ecsContainerHealthCheck from './ecs/container-health-check.js';
import ecsContainerMemory from './ecs/container-memory.js';
import ecsDeploymentCircuitBreaker from './ecs/deployment-circuit-breaker.js';
import ecsEphemeralStorageRange from './ecs/ephemeral-storage-range.js';
import ecsFargateGpu from './ecs/fargate-gpu.js';
import ecsFargateNetworkMode from './ecs/fargate-network-mode.js';
import ecsFargateTaskSize from './ecs/fargate-task-size.js';
import ecsScalingCooldowns from './ecs/scaling-cooldowns.js';
import ecsSingleTaskBehindLoadBalancer from './ecs/single-task-behind-load-balancer.js';
import ecsTaskFitsInstance from './ecs/task-fits-instance.js';
import eksExtendedSupport from './eks/extended-support.js';
import fileTooLarge from './file-too-large.js';
import internalError from './internal-error.js';
import lambdaApiGatewayTimeout from './lambda/api-gateway-timeout.js';
import lambdaDeprecatedRuntime from './lambda/deprecated-runtime.js';
import lambdaEnvironmentSize from './lambda/environment-size.js';
import lambdaEphemeralStorageRange from './lambda/ephemeral-storage-range.js';
import lambdaJavaSnapstart from './lambda/java-snapstart.js';
import lambdaManagedInstancesMemoryPerVcpu from './lambda/managed-instances-memory-per-vcpu.js';
import lambdaMemoryRange from './lambda/memory-range.js';
import lambdaPreferArm64 from './lambda/prefer-arm64.js';
import lambdaReservedConcurrency from './lambda/reserved-concurrency.js';
import lambdaTimeoutMax from './lambda/timeout-max.js';
import parseError from './parse-error.js';
import rdsLambdaWithoutProxy from './rds/lambda-without-proxy.js';
import { type Rule } from './rule.js';
import sqsVisibilityTimeout from './sqs/visibility-timeout.js';
import unknownTag from './unknown-tag.js';
import unresolvedReference from './unresolved-reference.js';

export const RULES: readonly Rule[] = [
  appRunnerClosedToNewCustomers,
  cdkValueNotStatic,
  duplicateKey,
  ecsContainerHealthCheck,
  ecsContainerMemory,
  ecsDeploymentCircuitBreaker,
  ecsEphemeralStorageRange,
  ecsFargateGpu,
  ecsFargateNetworkMode,
  ecsFargateTaskSize,
  ecsScalingCooldowns,
  ecsSingleTaskBehindLoadBalancer,
  ecsTaskFitsInstance,
  eksExtendedSupport,
  fileTooLarge,
  internalError,
  lambdaApiGatewayTimeout,
  lambdaDeprecatedRuntime,
  lambdaEnvironmentSize,
  lambdaEphemeralStorageRange,
  lambdaJavaSnapstart,
  lambdaManagedInstancesMemoryPerVcpu,
  lambdaMemoryRange,
  lambdaPreferArm64,
  lambdaReservedConcurrency,
  lambdaTimeoutMax,
  parseError,
  rdsLambdaWithoutProxy,
  sqsVisibilityTimeout,
  terraformValueNotStatic,
  unknownTag,
  unresolvedReference,
] as Rule[];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.meta.id, rule]));
