/**
 * The shape of a rule: metadata (id, default severity, docs, message templates) plus `create`, which
 * returns visitors for the model nodes the rule cares about. Rules report a node and, optionally, the
 * field or location that is wrong; the engine turns that into a finding with an exact range.
 * Modelled on eslint rule modules (meta + create, messageId + data) and cfn-lint rule metadata.
 */
import { type EngineConfig } from '../config.js';
import { type Fix, type Severity } from '../findings.js';
import { type SetFix } from '../fixes.js';
import { type Field } from '../model/field.js';
import { type SourceLocation } from '../model/location.js';
import {
  type ApiGateway,
  type Database,
  type DbProxy,
  type EcsService,
  type EcsTaskDefinition,
  type LambdaFunction,
  type ModelNode,
  type SqsQueue,
} from '../model/nodes.js';
import { type TemplateModel } from '../model/template.js';

export type RuleKind = 'pitfall' | 'suggestion' | 'notice';

type RuleCategory = 'template' | 'lambda' | 'api-gateway' | 'sqs' | 'rds' | 'ecs' | 'app-runner' | 'eks' | 'cdk' | 'terraform';

interface RuleExample {
  /** Short caption, e.g. "Timeout above the REST API limit". */
  title: string;
  /** A template fragment (YAML) that triggers the rule. */
  bad: string;
  /** The same fragment, fixed. */
  good?: string;
}

/** Everything the rule's docs page is generated from (scripts/gen-rule-docs.mjs writes docs/rules/<id>.md). */
interface RuleDocs {
  /** One sentence: what the rule checks. */
  description: string;
  /** Why it matters: what breaks or costs money, in a paragraph or two of Markdown. */
  rationale: string;
  /** What to do about a finding. */
  howToFix: string;
  /** When the rule deliberately stays silent (the context that keeps it from being noisy). */
  exceptions?: string;
  examples?: RuleExample[];
  /** Settings that change what the rule checks (besides its severity). */
  settings?: { name: string; description: string }[];
  /** Primary sources for the limit or recommendation the rule enforces. */
  sources: { title: string; url: string }[];
}

export interface RuleMeta<MessageId extends string = string> {
  /** `category/name`; the rule's file is `src/core/rules/<id>.ts` and its docs `docs/rules/<id>.md`. */
  id: string;
  category: RuleCategory;
  /** Its default severity: a pitfall (something breaks, is redelivered, exhausted or unsupported) is a warning or an error; a suggestion (could be better) information or a hint. */
  severity: Severity;
  /**
   * What a finding is: a `pitfall` breaks a request, a deployment or a connection, or runs unpatched; a `suggestion` says what
   * could be better (cheaper, faster, more resilient); a `notice` is Crossover speaking of itself (a file it did not read).
   * test/meta/rules.test.ts keeps the default severities in step with it.
   */
  kind: RuleKind;
  docs: RuleDocs;
  /** Message templates; `{{name}}` is replaced from the report's data. */
  messages: Record<MessageId, string>;
  fixable?: boolean;
}

interface RelatedReport {
  loc: SourceLocation;
  message: string;
}

export interface Report<MessageId extends string = string> {
  node: ModelNode;
  messageId: MessageId;
  data?: Record<string, string | number>;
  /** The field that is wrong: the finding lands on its value, or on the resource when inherited or defaulted. */
  field?: Field<unknown>;
  /** An explicit location (wins over `field`). */
  loc?: SourceLocation;
  related?: RelatedReport[];
  /** Literal edits, or a setting to add or change (the engine writes it in the document's syntax). */
  fix?: Fix | SetFix;
  /**
   * This report's severity when it differs from the rule's default (e.g. "deprecated" is a warning,
   * "deprecated within six months" is information). A user's severity setting for the rule still wins.
   */
  severity?: Severity;
}

interface RuleContext<MessageId extends string = string> {
  model: TemplateModel;
  config: EngineConfig;
  report(report: Report<MessageId>): void;
}

export interface Visitors {
  Template?(model: TemplateModel): void;
  LambdaFunction?(fn: LambdaFunction): void;
  ApiGateway?(api: ApiGateway): void;
  SqsQueue?(queue: SqsQueue): void;
  Database?(db: Database): void;
  DbProxy?(proxy: DbProxy): void;
  EcsTaskDefinition?(definition: EcsTaskDefinition): void;
  EcsService?(service: EcsService): void;
}

export interface Rule<MessageId extends string = string> {
  meta: RuleMeta<MessageId>;
  create(context: RuleContext<MessageId>): Visitors;
}

export function defineRule<MessageId extends string>(rule: Rule<MessageId>): Rule<MessageId> {
  return rule;
}

const DOCS_BASE_URL = 'https://github.com/crossover-dev/crossover/blob/main/docs/rules/';

/** Where bugs are reported (package.json's repository, `/issues`; a meta test keeps the two in step). */
export const ISSUES_URL = 'https://github.com/crossover-dev/crossover/issues';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}

export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  // Templates are few and messages many: each template is split into text and `{{name}}` parts once.
  let parts = TEMPLATE_PARTS.get(template);
  if (!parts) TEMPLATE_PARTS.set(template, (parts = template.split(/(\{\{\s*\w+\s*\}\})/)));
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const whole = parts[i]!;
    const value = data[whole.slice(2, -2).trim()];
    out += (value === undefined ? whole : typeof value === 'number' ? formatNumber(value) : value) + parts[i + 1]!;
  }
  return out;
}

const TEMPLATE_PARTS = new Map<string, string[]>();

// Made once: toLocaleString builds a formatter on every call, which shows on templates with thousands of findings.
const INTEGER = new Intl.NumberFormat('en-US');
const DECIMAL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

function formatNumber(value: number): string {
  if (!Number.isInteger(value)) return DECIMAL.format(value);
  // Most numbers in messages are whole and small: grouped by hand (as en-US groups them: "1,024"), since the
  // formatter costs a microsecond a call and a large template has tens of thousands of them. -0 ("-0") and
  // integers past the exact range go to the formatter.
  if (Object.is(value, -0) || !Number.isSafeInteger(value)) return INTEGER.format(value);
  const digits = String(Math.abs(value));
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += ',' + digits.slice(i, i + 3);
  return value < 0 ? '-' + out : out;
}
