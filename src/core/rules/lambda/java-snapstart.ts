import { runtimeInfo } from '../../data/runtimes.js';
import { defineRule } from '../rule.js';
import { setFunctionSetting } from '../../fixes.js';

export default defineRule({
  meta: {
    id: 'lambda/java-snapstart',
    category: 'lambda',
    severity: 'info',
    kind: 'suggestion',
    fixable: true,
    docs: {
      description: 'A Java function that answers synchronous requests (API Gateway, function URL, ALB) without SnapStart or provisioned concurrency.',
      rationale:
        'A Java execution environment starting cold loads the JVM and the application (a framework such as Spring often takes several seconds), and the caller waits for all of it. SnapStart restores a snapshot of the initialized environment instead, bringing cold starts to a few hundred milliseconds (up to 10x faster, per AWS). Provisioned concurrency avoids cold starts too, but is paid while idle.',
      howToFix:
        'Add `SnapStart: {ApplyOn: PublishedVersions}` and invoke a published version or alias (in SAM: `AutoPublishAlias: live`). SnapStart needs Java 11 or later on a zip package; check that initialization code tolerates being restored (unique IDs, network connections).',
      exceptions:
        'Silent for functions only invoked asynchronously or by polling, container images (SnapStart does not support them), functions with provisioned concurrency, and unresolved runtimes.',
      examples: [
        {
          title: 'A Spring Boot API on Java 21',
          bad: 'Orders:\n  Type: AWS::Serverless::Function\n  Properties:\n    Runtime: java21\n    Events:\n      Api: {Type: Api, Properties: {Path: /orders, Method: get}}\n',
          good: 'Orders:\n  Type: AWS::Serverless::Function\n  Properties:\n    Runtime: java21\n    AutoPublishAlias: live\n    SnapStart: {ApplyOn: PublishedVersions}\n    Events:\n      Api: {Type: Api, Properties: {Path: /orders, Method: get}}\n',
        },
      ],
      sources: [
        { title: 'Lambda SnapStart', url: 'https://docs.aws.amazon.com/lambda/latest/dg/snapstart.html' },
        {
          title: "AWS Lambda SnapStart for Java (What's New, 2022-11-28)",
          url: 'https://aws.amazon.com/about-aws/whats-new/2022/11/aws-lambda-snapstart-java-functions/',
        },
      ],
    },
    messages: {
      noSnapStart:
        'Java function {{function}} answers {{source}} requests without SnapStart: its cold starts can take seconds while the caller waits. SnapStart (ApplyOn: PublishedVersions) brings them to a few hundred milliseconds.',
      unsupportedRuntime:
        'Java function {{function}} answers {{source}} requests on {{runtime}}, which SnapStart does not support: cold starts can take seconds. Java 11 or later with SnapStart brings them to a few hundred milliseconds.',
    },
  },
  create(ctx) {
    return {
      LambdaFunction(fn) {
        const runtime = runtimeInfo(fn.runtime.value);
        if (runtime?.family !== 'java' || fn.packageType.value !== 'Zip') return;
        if (fn.snapStart.value === 'PublishedVersions' || (fn.provisionedConcurrency?.value ?? 0) > 0) return;
        const front = fn.events.find((e) => e.invocation === 'sync');
        if (!front) return;
        const fix = runtime.snapStart
          ? setFunctionSetting(
              ctx.model,
              fn,
              fn.snapStart,
              { template: ['SnapStart', 'ApplyOn'], serverless: ['snapStart'] },
              ctx.model.format === 'serverless' ? true : 'PublishedVersions',
              'Turn on SnapStart (ApplyOn: PublishedVersions)',
            )
          : undefined;
        ctx.report({
          ...(fix ? { fix } : {}),
          node: fn,
          field: fn.runtime,
          messageId: runtime.snapStart ? 'noSnapStart' : 'unsupportedRuntime',
          data: { function: fn.id, source: front.sourceType, runtime: runtime.id },
          related: [{ loc: front.loc, message: `Invoked synchronously by ${front.sourceType} event ${front.name}` }],
        });
      },
    };
  },
});
