/**
 * A Terraform folder -> a "virtual template": the CloudFormation resources its Terraform resources stand for
 * (resources.ts), as a positioned tree whose every node is at the Terraform text it comes from. The template
 * builder then reads it as it reads any template, so rules, costs, hovers, lenses and the comparison need nothing
 * of their own. What Terraform only knows when it runs (data sources, outputs of modules not read, provider
 * functions) becomes a value the resolver reports as unresolved, with the reason; nothing is guessed.
 *
 * Resource ids are Terraform addresses: `aws_lambda_function.api`, `aws_lambda_function.fn["a"]` (for_each),
 * `aws_lambda_function.fn[0]` (count), `module.orders` (a community module read as the resource it creates).
 */
import { EVALUATED, NOT_STATIC } from '../cloudformation/intrinsics.js';
import { type MapEntry, type MapNode, type ScalarNode, type ScalarValue, type TreeNode } from '../document/tree.js';
import { parseJson } from '../document/json.js';
import { isMap, isScalar, isSeq } from '../document/tree.js';
import { type FileReader } from '../reference.js';
import { Evaluator, type Instance, type Named, type RefTarget, type Result, type Value } from './evaluate.js';
import { type TerraformFolder } from './folder.js';
import { isReadModule, moduleResources } from './modules.js';
import { plannedValue } from './plan.js';
import { type AttributeMap, type BlockMap, RESOURCE_MAPS } from './resources.js';
import { type Attribute, type Block, type Body, type Comment, type Expr, type Span } from './syntax.js';

/** A resource of the virtual template and the Terraform block it comes from (for fixes and ignores). */
export interface Declared {
  address: string;
  /** The Terraform type (`aws_lambda_function`), or `module` for a module block. */
  tfType: string;
  block: Block;
  /** True when the block is one of several instances (count / for_each). */
  instance: boolean;
}

export interface Translation {
  root: MapNode;
  declared: Map<string, Declared>;
}

/** Resource attributes a reference reads, and the CloudFormation attribute they stand for (else `Ref`). */
const GET_ATT: Record<string, string> = {
  arn: 'Arn',
  invoke_arn: 'Arn',
  qualified_arn: 'Arn',
  qualified_invoke_arn: 'Arn',
  stream_arn: 'StreamArn',
  endpoint: 'Endpoint.Address',
  address: 'Endpoint.Address',
  lambda_function_arn: 'Arn',
  lambda_function_invoke_arn: 'Arn',
  lambda_function_qualified_arn: 'Arn',
};

/** At most this many instances of one block (`count = 100000` must not make 100,000 resources). */
const MAX_INSTANCES = 100;

const scalar = (value: ScalarValue, at: Span): ScalarNode => ({ kind: 'scalar', value, start: at.start, end: at.end });
const entry = (key: string, keyAt: Span, value: TreeNode): MapEntry => ({ key, keyNode: scalar(key, keyAt), value });
const mapNode = (entries: MapEntry[], at: Span): MapNode => ({ kind: 'map', entries, start: at.start, end: at.end });

export function translate(folder: TerraformFolder, readFile: FileReader | undefined): Translation {
  return new Translator(folder, readFile).run();
}

interface Found {
  block: Block;
  comments: Comment[];
}

class Translator {
  private readonly evaluator: Evaluator;
  private readonly resources: Found[] = [];
  private readonly modules: Found[] = [];
  private readonly addresses = new Set<string>();
  /** Instance addresses of a block address (`aws_x.y` -> `aws_x.y[0]`, ...). */
  private readonly instancesOf = new Map<string, string[]>();
  private readonly entries: MapEntry[] = [];
  private readonly declared = new Map<string, Declared>();
  /** Extra properties other resources give a resource (target group attachments, event targets). */
  private readonly extras = new Map<string, { key: string; keyAt: Span; items: TreeNode[] }>();

  constructor(
    private readonly folder: TerraformFolder,
    private readonly readFile: FileReader | undefined,
  ) {
    const variables = new Map<string, Named | null>();
    const locals = new Map<string, Named>();
    for (const file of folder.files) {
      if (/\.tfvars(\.json)?$/i.test(file.name)) continue;
      for (const block of file.body.blocks) {
        if (block.type === 'variable' && block.labels[0] !== undefined) {
          const fallback = attr(block.body, 'default');
          const set = folder.tfvars.get(block.labels[0]);
          variables.set(block.labels[0], set ?? (fallback ? { expr: fallback.value, where: `default in ${file.name}` } : null));
        } else if (block.type === 'locals') {
          for (const a of block.body.attributes) locals.set(a.name, { expr: a.value, where: file.name });
        } else if (block.type === 'resource' && block.labels.length >= 2) {
          this.resources.push({ block, comments: file.comments });
          this.addresses.add(`${block.labels[0]}.${block.labels[1]}`);
        } else if (block.type === 'module' && block.labels[0] !== undefined) {
          this.modules.push({ block, comments: file.comments });
          // Only the modules read (community modules) are resources; other modules' outputs stay unresolved.
          if (isReadModule(block)) this.addresses.add(`module.${block.labels[0]}`);
        }
      }
    }
    this.evaluator = new Evaluator({ variables, locals, addresses: this.addresses, ...(readFile ? { readFile } : {}) });
  }

  run(): Translation {
    const instances = new Map<Found, { address: string; instance: Instance }[]>();
    for (const found of [...this.resources, ...this.modules]) {
      const base = found.block.type === 'module' ? `module.${found.block.labels[0]}` : `${found.block.labels[0]}.${found.block.labels[1]}`;
      const list = this.expand(found.block, base);
      instances.set(found, list);
      this.instancesOf.set(
        base,
        list.map((i) => i.address),
      );
    }
    // Attachments first: they add to the resources they name.
    for (const found of this.resources) for (const { instance } of instances.get(found)!) this.attachments(found.block, instance);
    for (const found of this.resources) {
      for (const { address, instance } of instances.get(found)!)
        this.resource(found, address, instance, instances.get(found)!.length > 1 || address.endsWith(']'));
    }
    for (const found of this.modules) {
      for (const { address, instance } of instances.get(found)!) {
        for (const made of moduleResources(found.block, address, instance, this)) {
          const metadata = this.ignores(found);
          this.entries.push(
            entry(
              made.address,
              headerSpan(found.block),
              mapNode([entry('Type', found.block.typeSpan, scalar(made.type, found.block.typeSpan)), made.properties, ...metadata], found.block),
            ),
          );
          this.declared.set(made.address, { address: made.address, tfType: 'module', block: found.block, instance: address.endsWith(']') });
        }
      }
    }
    const resources = mapNode(this.entries, { start: 0, end: this.folder.main.text.length });
    return { root: mapNode([entry('Resources', { start: 0, end: 0 }, resources)], resources), declared: this.declared };
  }

  /** The instances of a block: one, or one per `count` / `for_each` element when those are static. */
  private expand(block: Block, base: string): { address: string; instance: Instance }[] {
    const count = attr(block.body, 'count');
    const forEach = attr(block.body, 'for_each');
    if (count) {
      const r = this.evaluator.evaluate(count.value);
      if ('value' in r && typeof r.value === 'number' && Number.isInteger(r.value) && r.value >= 0) {
        return Array.from({ length: Math.min(r.value, MAX_INSTANCES) }, (_, i) => ({ address: `${base}[${i}]`, instance: { count: i } }));
      }
      return [{ address: base, instance: {} }];
    }
    if (forEach) {
      const r = this.evaluator.evaluate(forEach.value);
      if ('value' in r && r.value !== null && typeof r.value === 'object') {
        const pairs: [string, Value][] = Array.isArray(r.value)
          ? r.value.filter((v): v is string => typeof v === 'string').map((v) => [v, v])
          : Object.entries(r.value);
        return pairs.slice(0, MAX_INSTANCES).map(([key, value]) => ({ address: `${base}[${JSON.stringify(key)}]`, instance: { each: { key, value } } }));
      }
      return [{ address: base, instance: {} }];
    }
    return [{ address: base, instance: {} }];
  }

  private resource(found: Found, address: string, instance: Instance, isInstance: boolean): void {
    const { block } = found;
    const tfType = block.labels[0]!;
    let type = RESOURCE_MAPS[tfType]?.type ?? `Terraform::${tfType}`;
    let properties: MapEntry[] = [];
    if (tfType === 'aws_s3_bucket_notification') {
      type = 'AWS::S3::Bucket';
      properties = this.bucketNotification(block, instance);
    } else if (tfType === 'aws_db_proxy_target') {
      type = 'AWS::RDS::DBProxyTargetGroup';
      properties = this.proxyTarget(block, instance);
    } else {
      const map = RESOURCE_MAPS[tfType];
      if (map) properties = this.properties(block.body, map.attributes, instance, this.folder.plan ? { address, path: [] } : undefined);
      if (tfType === 'aws_lambda_function') properties = properties.filter((e) => !(e.key === 'ReservedConcurrentExecutions' && isNegative(e.value)));
      if (tfType === 'aws_appautoscaling_policy') properties = this.scalingTarget(block, properties, instance);
      if (tfType === 'aws_ecs_task_definition')
        properties = properties.map((e) => (e.key === 'ContainerDefinitions' ? { ...e, value: this.containers(e.value) } : e));
    }
    const extra = this.extras.get(address) ?? this.extras.get(`${tfType}.${block.labels[1]}`);
    if (extra) properties.push(entry(extra.key, extra.keyAt, { kind: 'seq', items: extra.items, start: extra.keyAt.start, end: extra.keyAt.end }));
    const entries: MapEntry[] = [entry('Type', block.labelSpans[0] ?? block.typeSpan, scalar(type, block.labelSpans[0] ?? block.typeSpan))];
    entries.push(entry('Properties', block.typeSpan, mapNode(properties, { start: block.open, end: block.close })));
    entries.push(...this.ignores(found));
    this.entries.push(entry(address, headerSpan(block), mapNode(entries, block)));
    this.declared.set(address, { address, tfType, block, instance: isInstance });
  }

  /**
   * A block's attributes (and nested blocks) in CloudFormation's names. `planned`: the instance's address and the
   * block's path in a plan, so a value the files leave unresolved is taken from the plan when there is one.
   */
  properties(body: Body, attributes: AttributeMap, instance: Instance, planned?: { address: string; path: (string | number)[] }): MapEntry[] {
    const out: MapEntry[] = [];
    const put = (path: string[], keyAt: Span, value: TreeNode) => {
      let list = out;
      for (let i = 0; i < path.length - 1; i++) {
        let next = list.find((e) => e.key === path[i]);
        if (!next || !isMap(next.value)) {
          next = entry(path[i]!, keyAt, mapNode([], keyAt));
          list.push(next);
        }
        list = (next.value as MapNode).entries;
      }
      list.push(entry(path[path.length - 1]!, keyAt, value));
    };
    for (const a of body.attributes) {
      const mapped = attributes[a.name];
      if (typeof mapped !== 'string') continue;
      const node = this.node(a.value, instance);
      put(mapped.split('.'), a.nameSpan, (planned && this.fromPlan(node, planned.address, [...planned.path, a.name], a.value)) || node);
    }
    for (const [name, mapped] of Object.entries(attributes)) {
      if (typeof mapped === 'string') continue;
      const blocks = body.blocks.filter((b) => b.type === name);
      if (blocks.length === 0) continue;
      const read = (b: Block, i: number): MapNode =>
        mapNode(this.properties(b.body, mapped.attributes, instance, planned && { address: planned.address, path: [...planned.path, name, i] }), b);
      if (mapped.repeated) {
        put([mapped.cfn], blocks[0]!.typeSpan, { kind: 'seq', items: blocks.map(read), start: blocks[0]!.start, end: blocks[blocks.length - 1]!.end });
      } else {
        const inner = this.blockValue(blocks[0]!, mapped, instance, planned && { address: planned.address, path: [...planned.path, name, 0] });
        put(mapped.inside ? [mapped.cfn, mapped.inside] : [mapped.cfn], blocks[0]!.typeSpan, inner);
      }
    }
    return out;
  }

  private blockValue(block: Block, mapped: BlockMap, instance: Instance, planned?: { address: string; path: (string | number)[] }): TreeNode {
    const props = this.properties(block.body, mapped.attributes, instance, planned);
    // `assign_public_ip = true` is ENABLED in CloudFormation.
    for (const e of props) {
      if (e.key === 'AssignPublicIp' && isScalar(e.value) && typeof e.value.value === 'boolean')
        e.value = scalar(e.value.value ? 'ENABLED' : 'DISABLED', e.value);
    }
    return mapNode(props, block);
  }

  /** An expression as a node of the virtual template. */
  node(expr: Expr, instance: Instance): TreeNode {
    switch (expr.kind) {
      case 'literal':
        return scalar(expr.value, expr);
      case 'tuple':
        return { kind: 'seq', items: expr.items.map((i) => this.node(i, instance)), start: expr.start, end: expr.end };
      case 'object': {
        const entries: MapEntry[] = [];
        for (const e of expr.entries) {
          let key = e.key;
          if (typeof key !== 'string') {
            const k = this.evaluator.evaluate(key, instance);
            if (!('value' in k) || (typeof k.value !== 'string' && typeof k.value !== 'number'))
              return this.resultNode({ unresolved: 'an object key that is not static' }, expr);
            key = String(k.value);
          }
          entries.push(entry(key, e.keySpan, this.node(e.value, instance)));
        }
        return mapNode(entries, expr);
      }
      case 'call':
        if (expr.name === 'jsonencode' && expr.args.length === 1) return this.jsonEncoded(expr.args[0]!, instance);
        // `file("containers.json")`: the JSON read where it is written, so findings point into it.
        if (expr.name === 'file') return this.fileJson(expr, instance) ?? this.resultNode(this.evaluator.evaluate(expr, instance), expr);
        break;
      case 'template': {
        const r = this.evaluator.evaluate(expr, instance);
        if ('value' in r) return this.resultNode(r, expr);
        // A string built from references (`service/${aws_ecs_cluster.c.name}/${aws_ecs_service.s.name}`): a Join of its parts.
        const parts = expr.parts.map((p) => (typeof p === 'string' ? scalar(p, expr) : this.node(p, instance)));
        if (parts.some((p) => isMap(p) && (p.entries[0]?.key === 'Ref' || p.entries[0]?.key === 'Fn::GetAtt'))) {
          return mapNode(
            [
              entry('Fn::Join', expr, {
                kind: 'seq',
                items: [scalar('', expr), { kind: 'seq', items: parts, start: expr.start, end: expr.end }],
                start: expr.start,
                end: expr.end,
              }),
            ],
            expr,
          );
        }
        return this.resultNode(r, expr);
      }
      default:
        break;
    }
    return this.resultNode(this.evaluator.evaluate(expr, instance), expr);
  }

  /**
   * Container definitions as CloudFormation spells them (`portMappings` -> `PortMappings`); a JSON string (a heredoc)
   * is parsed, its nodes placed in the string's text.
   */
  private containers(node: TreeNode): TreeNode {
    if (isScalar(node) && typeof node.value === 'string') {
      const file = this.folder.files.find((f) => node.start >= f.base && node.end <= f.base + f.text.length);
      const raw = file ? file.text.slice(node.start - file.base, node.end - file.base) : '';
      const first = node.value.search(/\S/);
      const at = first >= 0 ? raw.indexOf(node.value.slice(first, first + 20)) : -1;
      const { root } = parseJson(node.value);
      if (!root) return node;
      return at >= 0 && raw.slice(at, at + node.value.length - first) === node.value.slice(first)
        ? pascal(shifted(root, node.start + at - first), 0)
        : collapsed(root, node);
    }
    return pascal(node, 0);
  }

  /** `jsonencode(...)` of a written structure keeps its places (container definitions, redrive policies). */
  private jsonEncoded(arg: Expr, instance: Instance): TreeNode {
    if (arg.kind === 'tuple' || arg.kind === 'object') return this.node(arg, instance);
    if (arg.kind === 'call' && arg.name === 'file') return this.fileJson(arg, instance) ?? this.resultNode(this.evaluator.evaluate(arg, instance), arg);
    const r = this.evaluator.evaluate(arg, instance);
    return 'value' in r ? this.valueNode(r.value, arg) : this.resultNode(r, arg);
  }

  /** `file("containers.json")`: the JSON file read, its nodes at their places in that file. */
  private fileJson(call: Extract<Expr, { kind: 'call' }>, instance: Instance): TreeNode | undefined {
    const path = call.args[0] ? this.evaluator.evaluate(call.args[0], instance) : undefined;
    if (!path || !('value' in path) || typeof path.value !== 'string') return undefined;
    const relative = path.value.replace(/^\.\//, '');
    if (!/\.json$/i.test(relative)) return undefined;
    const text = this.readFile?.(relative);
    if (typeof text !== 'string') return undefined;
    const dir = this.folder.main.uri.slice(0, this.folder.main.uri.lastIndexOf('/') + 1);
    const base = this.folder.place(dir + relative, text);
    const { root } = parseJson(text);
    return root ? shifted(root, base) : undefined;
  }

  /** An unresolved value that the folder's plan knows: the planned value, saying so (sensitive values are not shown). */
  private fromPlan(node: TreeNode, address: string, path: (string | number)[], at: Span): TreeNode | undefined {
    const plan = this.folder.plan;
    if (!plan || !isMap(node) || node.entries[0]?.key !== NOT_STATIC) return undefined;
    const planned = plannedValue(plan.reading, address, path);
    if (!planned) return undefined;
    if ('unknown' in planned) return this.resultNode({ unresolved: `known after apply (${plan.name})` }, at);
    if (planned.sensitive || planned.value === null || planned.value === undefined) return undefined;
    const value = planned.value as Value;
    if (typeof value === 'object') return this.valueNode(value, at);
    return this.resultNode({ value, via: `planned in ${plan.name}` }, at);
  }

  /** A value the evaluator computed, at the expression it comes from. */
  private resultNode(r: Result, at: Span): TreeNode {
    if ('value' in r) {
      if (r.value !== null && typeof r.value === 'object') return this.valueNode(r.value, at);
      if (r.via) return mapNode([entry(EVALUATED, at, { kind: 'seq', items: [scalar(r.value, at), scalar(r.via, at)], start: at.start, end: at.end })], at);
      return scalar(r.value, at);
    }
    if ('ref' in r) return this.refNode(r.ref);
    return mapNode([entry(NOT_STATIC, at, scalar(r.unresolved, at))], at);
  }

  private valueNode(value: Value, at: Span): TreeNode {
    if (Array.isArray(value)) return { kind: 'seq', items: value.map((v) => this.valueNode(v, at)), start: at.start, end: at.end };
    if (value !== null && typeof value === 'object')
      return mapNode(
        Object.entries(value).map(([k, v]) => entry(k, at, this.valueNode(v, at))),
        at,
      );
    return scalar(value, at);
  }

  /** A reference to a resource attribute: `Fn::GetAtt` for ARNs, `Ref` for names and ids. */
  private refNode(ref: RefTarget): TreeNode {
    let address = ref.address;
    if (!this.instancesOf.get(address)?.includes(address)) {
      const instances = this.instancesOf.get(address);
      if (instances && instances.length === 1) address = instances[0]!;
    }
    const attribute = GET_ATT[ref.attribute];
    if (attribute)
      return mapNode([entry('Fn::GetAtt', ref, { kind: 'seq', items: [scalar(address, ref), scalar(attribute, ref)], start: ref.start, end: ref.end })], ref);
    return mapNode([entry('Ref', ref, scalar(address, ref))], ref);
  }

  /** `aws_lb_target_group_attachment` and `aws_cloudwatch_event_target` add targets to the resource they name. */
  private attachments(block: Block, instance: Instance): void {
    const tfType = block.labels[0];
    const add = (owner: Attribute | undefined, key: string, item: TreeNode) => {
      if (!owner) return;
      const r = this.evaluator.evaluate(owner.value, instance);
      if (!('ref' in r)) return;
      const address = r.ref.address;
      const known = this.extras.get(address) ?? { key, keyAt: owner.nameSpan, items: [] };
      known.items.push(item);
      this.extras.set(address, known);
    };
    if (tfType === 'aws_lb_target_group_attachment' || tfType === 'aws_alb_target_group_attachment') {
      const target = attr(block.body, 'target_id');
      if (target) add(attr(block.body, 'target_group_arn'), 'Targets', mapNode([entry('Id', target.nameSpan, this.node(target.value, instance))], block));
    } else if (tfType === 'aws_cloudwatch_event_target') {
      const arn = attr(block.body, 'arn');
      if (arn) add(attr(block.body, 'rule'), 'Targets', mapNode([entry('Arn', arn.nameSpan, this.node(arn.value, instance))], block));
    }
  }

  private bucketNotification(block: Block, instance: Instance): MapEntry[] {
    const configs = block.body.blocks
      .filter((b) => b.type === 'lambda_function')
      .map((b) => {
        const fn = attr(b.body, 'lambda_function_arn');
        return mapNode(fn ? [entry('Function', fn.nameSpan, this.node(fn.value, instance))] : [], b);
      });
    if (configs.length === 0) return [];
    const list = { kind: 'seq' as const, items: configs, start: configs[0]!.start, end: configs[configs.length - 1]!.end };
    return [entry('NotificationConfiguration', block.typeSpan, mapNode([entry('LambdaConfigurations', block.typeSpan, list)], block))];
  }

  private proxyTarget(block: Block, instance: Instance): MapEntry[] {
    const out: MapEntry[] = [];
    const proxy = attr(block.body, 'db_proxy_name');
    if (proxy) out.push(entry('DBProxyName', proxy.nameSpan, this.node(proxy.value, instance)));
    for (const [tf, cfn] of [
      ['db_instance_identifier', 'DBInstanceIdentifiers'],
      ['db_cluster_identifier', 'DBClusterIdentifiers'],
    ] as const) {
      const a = attr(block.body, tf);
      if (a) out.push(entry(cfn, a.nameSpan, { kind: 'seq', items: [this.node(a.value, instance)], start: a.value.start, end: a.value.end }));
    }
    return out;
  }

  /** A scaling policy names its scalable target through `resource_id = aws_appautoscaling_target.t.resource_id`. */
  private scalingTarget(block: Block, properties: MapEntry[], instance: Instance): MapEntry[] {
    const id = attr(block.body, 'resource_id');
    if (!id) return properties;
    const r = this.evaluator.evaluate(id.value, instance);
    if ('ref' in r && r.ref.address.startsWith('aws_appautoscaling_target.'))
      return [...properties, entry('ScalingTargetId', id.nameSpan, mapNode([entry('Ref', r.ref, scalar(r.ref.address, r.ref))], r.ref))];
    return properties;
  }

  /** `# crossover:ignore rule-a rule-b` in the block or on the line above it: `Metadata.crossover.ignore`. */
  ignores(found: Found): MapEntry[] {
    const { block } = found;
    const ids: ScalarNode[] = [];
    for (const comment of found.comments) {
      if (!comment.text.includes('crossover:ignore')) continue;
      const inside = comment.start >= block.start && comment.end <= block.end;
      const above =
        comment.end <= block.start && !this.between(comment.end, block.start).includes('\n\n') && /^\s*$/.test(this.between(comment.end, block.start));
      if (!inside && !above) continue;
      const list = comment.text.slice(comment.text.indexOf('crossover:ignore') + 'crossover:ignore'.length);
      for (const id of list.split(/[\s,]+/)) if (/^[a-z0-9-]+(\/[a-z0-9-]+)*$/.test(id)) ids.push(scalar(id, comment));
    }
    if (ids.length === 0) return [];
    const at = { start: ids[0]!.start, end: ids[0]!.end };
    const list = { kind: 'seq' as const, items: ids, start: at.start, end: at.end };
    return [entry('Metadata', at, mapNode([entry('crossover', at, mapNode([entry('ignore', at, list)], at))], at))];
  }

  /** The text between two offsets of the same file (whitespace only, for "the line above"). */
  private between(start: number, end: number): string {
    const file = this.folder.files.find((f) => start >= f.base && end <= f.base + f.text.length);
    if (!file || end - start > 10_000) return 'x';
    return file.text.slice(start - file.base, end - file.base);
  }
}

export function attr(body: Body, name: string): Attribute | undefined {
  for (let i = body.attributes.length - 1; i >= 0; i--) if (body.attributes[i]!.name === name) return body.attributes[i];
  return undefined;
}

/** `resource "aws_lambda_function" "api"`: from the block type to its last label. */
export function headerSpan(block: Block): Span {
  const last = block.labelSpans[block.labelSpans.length - 1];
  return { start: block.start, end: last ? last.end : block.typeSpan.end };
}

function isNegative(node: TreeNode): boolean {
  return isScalar(node) && typeof node.value === 'number' && node.value < 0;
}

/** Map keys with a capital first letter, as CloudFormation writes container definitions. */
function pascal(node: TreeNode, depth: number): TreeNode {
  if (depth > 64) return node;
  if (isMap(node))
    return {
      ...node,
      entries: node.entries.map((e) => {
        const key = e.key.length > 0 ? e.key[0]!.toUpperCase() + e.key.slice(1) : e.key;
        return { key, keyNode: { ...e.keyNode, value: key }, value: depth < 3 ? pascal(e.value, depth + 1) : e.value };
      }),
    };
  if (isSeq(node)) return { ...node, items: node.items.map((i) => pascal(i, depth + 1)) };
  return node;
}

/** A tree whose places are unknown inside a span: every node at the span. */
function collapsed(node: TreeNode, at: Span): TreeNode {
  const move = (n: TreeNode, depth: number): TreeNode => {
    if (isMap(n) && depth < 64)
      return {
        kind: 'map',
        entries: n.entries.map((e) => ({ key: e.key, keyNode: { ...e.keyNode, start: at.start, end: at.end }, value: move(e.value, depth + 1) })),
        start: at.start,
        end: at.end,
      };
    if (isSeq(n) && depth < 64) return { kind: 'seq', items: n.items.map((i) => move(i, depth + 1)), start: at.start, end: at.end };
    return { kind: 'scalar', value: isScalar(n) ? n.value : null, start: at.start, end: at.end };
  };
  return pascal(move(node, 0), 0);
}

/** A parsed JSON tree moved into the shared offset space. */
function shifted(node: TreeNode, base: number): TreeNode {
  const move = (n: TreeNode, depth: number): TreeNode => {
    if (depth > 256) return { kind: 'scalar', value: null, start: n.start + base, end: n.end + base };
    if (isMap(n))
      return {
        kind: 'map',
        entries: n.entries.map((e) => ({
          key: e.key,
          keyNode: { ...e.keyNode, start: e.keyNode.start + base, end: e.keyNode.end + base },
          value: move(e.value, depth + 1),
        })),
        start: n.start + base,
        end: n.end + base,
      };
    if (isSeq(n)) return { kind: 'seq', items: n.items.map((i) => move(i, depth + 1)), start: n.start + base, end: n.end + base };
    return { ...n, start: n.start + base, end: n.end + base };
  };
  return move(node, 0);
}

export type { Translator };
