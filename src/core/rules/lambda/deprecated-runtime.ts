import { RUNTIMES_AS_OF, RUNTIMES_SOURCE, cdkRuntimeMember, reached, runtimeInfo, upgradeTarget, type RuntimeInfo } from '../../data/runtimes.js';
import { type Fix } from '../../findings.js';
import { setFunctionSetting, type SetFix } from '../../fixes.js';
import { type LambdaFunction } from '../../model/nodes.js';
import { type TemplateModel } from '../../model/template.js';
import { defineRule } from '../rule.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How far ahead an upcoming deprecation is announced as information. */
const NOTICE_DAYS = 183;

export default defineRule({
  meta: {
    id: 'lambda/deprecated-runtime',
    category: 'lambda',
    severity: 'warning',
    kind: 'pitfall',
    fixable: true,
    docs: {
      description: 'A Lambda runtime past its deprecation date (warning), or within six months of it (information), with the runtime to move to.',
      rationale:
        'After the deprecation date AWS stops patching the runtime (security fixes, new language versions), and some time later it blocks creating and then updating functions on it, which can stop a deployment at the worst moment. The finding gives both block dates where AWS has announced them. Upgrading is usually a small change when done ahead of time.',
      howToFix:
        'Move to the runtime the finding names: the newest runtime of the same language that is not deprecated (for example `python3.9` to `python3.14`, `nodejs18.x` to `nodejs24.x`, `java11` to `java25`, `provided.al2` to `provided.al2023`, `dotnet6` to `dotnet10`), then test and deploy. The quick fix writes it where the runtime is set: on the function, in SAM `Globals`, in serverless.yml `provider.runtime`, or the CDK `Runtime.X` member. Go on `go1.x` moves to `provided.al2023`, which runs an executable named `bootstrap`: build the code that way (in SAM, `Metadata: {BuildMethod: go1.x}`; `GOOS=linux`, and `GOARCH=arm64` on arm64); that quick fix is offered but not preferred, since it changes the runtime and not the build.',
      exceptions: `Container images (no managed runtime) and unknown or unresolved runtimes are not reported. A runtime whose deprecation date is after today is not called deprecated: within six months it is information, before that nothing. Where the runtime comes from a parameter's Default, the quick fix (not preferred) sets the Default, for every use of the parameter; an \`Fn::Join\` or \`Fn::Sub\` of literals is replaced by the runtime (not preferred). There is no quick fix where it comes from a mapping, a condition, a serverless.yml variable or a CDK constant (the value is written elsewhere), nor for a newer CDK member your aws-cdk-lib may not know yet (the fix writes it; upgrade aws-cdk-lib if it does not compile). Dates come from the table in src/core/data/runtimes.ts (as of ${RUNTIMES_AS_OF}).`,
      examples: [
        {
          title: 'Python 3.9 (deprecated 2025-12-15)',
          bad: 'Reports:\n  Type: AWS::Serverless::Function\n  Properties:\n    Runtime: python3.9\n',
          good: 'Reports:\n  Type: AWS::Serverless::Function\n  Properties:\n    Runtime: python3.14\n',
        },
      ],
      sources: [
        { title: 'Lambda runtimes and deprecation dates', url: RUNTIMES_SOURCE },
        { title: 'Migrating from the go1.x runtime to the OS-only runtime', url: 'https://docs.aws.amazon.com/lambda/latest/dg/golang-package.html' },
      ],
    },
    messages: {
      deprecated: 'Runtime {{runtime}} was deprecated on {{date}}: AWS no longer patches it.{{block}} {{upgrade}}',
      soon: 'Runtime {{runtime}} will be deprecated on {{date}} (in {{days}}), when AWS stops patching it.{{block}} {{upgrade}}',
    },
  },
  create(ctx) {
    const now = ctx.config.now;
    // What a runtime's findings say depends on the runtime and today only: worked out once per runtime (the dates
    // parsed, the successor looked up), not per function (a large template has thousands on the same runtime).
    const verdicts = new Map<RuntimeInfo, Verdict | null>();
    return {
      LambdaFunction(fn) {
        if (fn.packageType.value === 'Image') return;
        const info = runtimeInfo(fn.runtime.value);
        if (!info?.deprecation) return;
        let verdict = verdicts.get(info);
        if (verdict === undefined) verdicts.set(info, (verdict = verdictOf(info, info.deprecation, now)));
        if (!verdict) return;
        const { days, target, data } = verdict;
        const fix = target ? runtimeFix(ctx.model, fn, info, target) : undefined;
        ctx.report({
          node: fn,
          field: fn.runtime,
          messageId: days <= 0 ? 'deprecated' : 'soon',
          data,
          ...(days <= 0 ? {} : { severity: 'info' as const }),
          ...(fix ? { fix } : {}),
        });
      },
    };
  },
});

interface Verdict {
  /** Days until the deprecation date (0 or less: past). */
  days: number;
  target: RuntimeInfo | undefined;
  data: { runtime: string; date: string; days: string; block: string; upgrade: string };
}

/** What the findings on a runtime deprecated on `deprecation` say today, or null when it is too far ahead to mention. */
function verdictOf(info: RuntimeInfo, deprecation: string, now: Date): Verdict | null {
  const days = Math.ceil((Date.parse(`${deprecation}T00:00:00Z`) - now.getTime()) / DAY_MS);
  if (days > NOTICE_DAYS) return null;
  const target = upgradeTarget(info.id, now);
  const data = {
    runtime: info.id,
    date: deprecation,
    days: days === 1 ? '1 day' : `${days} days`,
    block: blockClause(info, now),
    upgrade: upgradeSentence(info, target),
  };
  return { days, target, data };
}

/** " AWS blocks creating functions on it from 2027-02-01 and updating them from 2027-03-03.", as far as the dates are known. */
function blockClause(info: RuntimeInfo, now: Date): string {
  const { blockCreate: create, blockUpdate: update } = info;
  const phrase = (date: string, what: string) => (reached(date, now) ? `has blocked ${what} since ${date}` : `blocks ${what} from ${date}`);
  const creating = create === 'passed' ? 'already blocks creating functions on it' : create ? phrase(create, 'creating functions on it') : undefined;
  if (!update) return creating ? ` AWS ${creating}.` : '';
  if (!creating) return ` AWS ${phrase(update, 'updating functions on it')}.`;
  const updating = phrase(update, 'updating them');
  // "blocks creating ... from X and updating them from Y": the verb once when both are still ahead.
  return ` AWS ${creating} and ${creating.startsWith('blocks ') && updating.startsWith('blocks ') ? updating.slice('blocks '.length) : updating}.`;
}

function upgradeSentence(info: RuntimeInfo, target: RuntimeInfo | undefined): string {
  if (!target) return 'Move to a supported runtime.';
  if (info.family === 'go')
    return `Move to ${target.id}, which runs an executable named bootstrap: build the code as a bootstrap binary (the runtime change alone does not).`;
  return `Upgrade to ${target.id}.`;
}

/**
 * The runtime set to its upgrade target where it is written: a template or serverless.yml value (on the function, in
 * SAM Globals, in provider.runtime), or the member of a CDK `Runtime.X` written at the prop. Not through a parameter,
 * variable or constant: the value lives elsewhere and may serve other things. go1.x -> provided.al2023 also needs the
 * code rebuilt as a `bootstrap` binary, which no edit of the template does, so that fix is not preferred.
 */
function runtimeFix(model: TemplateModel, fn: LambdaFunction, info: RuntimeInfo, target: RuntimeInfo): SetFix | Fix | undefined {
  const field = fn.runtime;
  const crossFamily = info.family !== target.family;
  const where = field.origin === 'globals' ? (model.format === 'serverless' ? ' in provider.runtime' : ' in Globals') : '';
  const title = `Use ${target.id}${where}${crossFamily ? ' (then build the code as a bootstrap binary)' : ''}`;
  const preferred = crossFamily ? { preferred: false as const } : {};
  if (model.format === 'cdk') {
    const written = field.written;
    const at = field.at;
    if (field.via === undefined || written === undefined || !at) return undefined;
    const member = written.slice(written.lastIndexOf('.') + 1);
    const { start, end } = at.range;
    if (start.line !== end.line || end.character - start.character !== written.length) return undefined;
    return {
      title,
      edits: [{ range: { start: { line: end.line, character: end.character - member.length }, end }, newText: cdkRuntimeMember(target.id) }],
      ...preferred,
    };
  }
  if (field.origin === 'default') return undefined;
  if (field.via !== undefined) return indirectRuntimeFix(model, fn, info, target);
  const fix = setFunctionSetting(model, fn, field, { template: ['Runtime'], serverless: ['runtime'] }, target.id, title);
  return fix ? { ...fix, ...preferred } : undefined;
}

/**
 * A runtime that comes through an intrinsic, in a template: a parameter's Default is set (every use of the parameter
 * changes, so the fix is not preferred); an Fn::Join or Fn::Sub of literals is replaced by the runtime (not preferred:
 * the expression goes). Anything else (a mapping, a condition, a serverless variable) is left to the author.
 */
function indirectRuntimeFix(model: TemplateModel, fn: LambdaFunction, info: RuntimeInfo, target: RuntimeInfo): SetFix | undefined {
  const field = fn.runtime;
  if (model.format !== 'sam' && model.format !== 'cloudformation') return undefined;
  if (info.family !== target.family) return undefined;
  const parameter = /^!Ref (\S+) \(parameter Default\)$/.exec(field.via ?? '')?.[1];
  if (parameter !== undefined) {
    if (model.parameters.get(parameter)?.defaultValue !== info.id) return undefined;
    return {
      title: `Use ${target.id} as the Default of parameter ${parameter} (every use of it)`,
      set: { path: ['Parameters', parameter], keys: ['Default'], value: target.id },
      preferred: false,
    };
  }
  if (field.via !== 'Fn::Join' && field.via !== 'Fn::Sub') return undefined;
  const fix = setFunctionSetting(
    model,
    fn,
    field,
    { template: ['Runtime'], serverless: ['runtime'] },
    target.id,
    `Use ${target.id} instead of the ${field.via}`,
  );
  return fix ? { ...fix, preferred: false } : undefined;
}
