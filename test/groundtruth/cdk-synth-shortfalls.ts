// What the static CDK reader does not yet read as aws-cdk-lib synthesizes it, fixture by fixture: each difference
// the ground-truth test (cdk-synth.test.ts) finds, written as it prints it, with its cause. A fixture not listed
// must equal synthesis exactly. Fixing a cause removes its entries here; a new difference is a regression.

/** Why static reading differs from synthesis (the causes of issue 18). */
export type Cause =
  | 'fargate-default-size' // CDK writes 256 CPU / 512 MiB for a Fargate task definition or pattern without them
  | 'pattern-given-task-definition' // a pattern given an existing taskDefinition gets an invented <Pattern>/TaskDef
  | 'nodejs-runtime-default' // NODEJS_LATEST, or a NodejsFunction without runtime (cdk.json feature flags decide)
  | 'computed-id' // a construct id that is not a string literal is dropped
  | 'construct-instances' // a custom construct class instantiated several times (or per stage) is read once
  | 'props-through-construct' // a value passed through a custom construct's props is not followed
  | 'loop-over-configs' // constructs created in a loop over an array of configs
  | 'helper-function-props' // props returned by a helper function of the app
  | 'context-value' // a value read from the cdk.json context with this.node.tryGetContext
  | 'not-read'; // a construct or pattern the reader does not read at all

export const KNOWN_SHORTFALLS: Record<string, [difference: string, cause: Cause][]> = {
  // tryGetContext('stage') and tryGetContext('sizes')[stage] from cdk.json; tryGetContext('apiTimeoutSeconds') ?? 10
  '66-context-sizes': [
    ['Api memoryMb: read undefined, synthesized 1024', 'context-value'],
    ['Api timeoutSeconds: read undefined, synthesized 10', 'context-value'],
    ['WorkerTask cpu: read undefined, synthesized 1024', 'context-value'],
    ['WorkerTask memory: read undefined, synthesized 3072', 'context-value'],
  ],
};
