/**
 * Template tree -> model. (First cut: parameters, resource types and Lambda functions' explicit settings;
 * intrinsics, Globals, events and the other resources come with the full builder.)
 */
import { defaultField, type Field } from '../../model/field.js';
import { type PathSegment, type SourceLocation } from '../../model/location.js';
import { type Architecture, type LambdaFunction, type ModelNode, type PackageType } from '../../model/nodes.js';
import { type ParameterInfo, type TemplateFormat, type TemplateModel } from '../../model/template.js';
import { type LoadedDocument } from '../document/load.js';
import { get, getEntry, isMap, isSeq, scalarValue, stringValue, type TreeNode } from '../document/tree.js';
import { type ModelProblem, type ParsedTemplate } from './types.js';

export function buildTemplateModel(doc: LoadedDocument, format: TemplateFormat): ParsedTemplate {
  const problems: ModelProblem[] = [];
  const model: TemplateModel = {
    uri: doc.uri,
    format,
    parameters: new Map(),
    functions: [],
    apis: [],
    queues: [],
    databases: [],
    dbProxies: [],
    byId: new Map(),
    resourceTypes: new Map(),
  };
  const root = doc.root;
  const loc = (node: { start: number; end: number }, path: PathSegment[]): SourceLocation => ({ uri: doc.uri, range: doc.lines.range(node.start, node.end), path });

  const parameters = get(root, 'Parameters');
  if (isMap(parameters)) {
    for (const entry of parameters.entries) {
      const info: ParameterInfo = {
        name: entry.key,
        type: stringValue(get(entry.value, 'Type')),
        defaultValue: scalarValue(get(entry.value, 'Default')) ?? undefined,
        loc: loc(entry.keyNode, ['Parameters', entry.key]),
      };
      model.parameters.set(entry.key, info);
    }
  }

  const resources = get(root, 'Resources');
  if (!isMap(resources)) return { model, problems };
  for (const entry of resources.entries) {
    const type = stringValue(get(entry.value, 'Type'));
    if (!type) continue;
    model.resourceTypes.set(entry.key, type);
    const base = { id: entry.key, type, loc: loc(entry.keyNode, ['Resources', entry.key]), ignoredRules: ignoredRules(entry.value) };
    if (type === 'AWS::Serverless::Function' || type === 'AWS::Lambda::Function') {
      const props = get(entry.value, 'Properties');
      const path = ['Resources', entry.key, 'Properties'];
      const field = <T>(key: string, convert: (v: unknown) => T | undefined, fallback: T | undefined): Field<T> => {
        const e = getEntry(props, key);
        if (!e) return defaultField(fallback);
        const value = convert(scalarValue(e.value));
        return { value, origin: 'explicit', at: loc(e.value, [...path, key]), keyAt: loc(e.keyNode, [...path, key]), ...(value === undefined ? { unresolved: 'not a static value' } : {}) };
      };
      const architectures = get(props, 'Architectures');
      const fn: LambdaFunction = {
        ...base,
        kind: 'lambda-function',
        name: stringValue(get(props, 'FunctionName')) ?? entry.key,
        memoryMb: field('MemorySize', toNumber, 128),
        timeoutSeconds: field('Timeout', toNumber, 3),
        runtime: field('Runtime', toString, undefined),
        architecture: isSeq(architectures)
          ? { value: toArchitecture(scalarValue(architectures.items[0])), origin: 'explicit', at: loc(architectures, [...path, 'Architectures']) }
          : defaultField<Architecture>('x86_64'),
        ephemeralStorageMb: defaultField(512),
        packageType: field<PackageType>('PackageType', (v) => (v === 'Image' || v === 'Zip' ? v : undefined), 'Zip'),
        handler: field('Handler', toString, undefined),
        snapStart: defaultField('None'),
        layers: 0,
        events: [],
        links: [],
      };
      model.functions.push(fn);
      model.byId.set(fn.id, fn as ModelNode);
    }
  }
  return { model, problems };
}

function ignoredRules(resource: TreeNode): string[] {
  const ignore = get(get(get(resource, 'Metadata'), 'crossover'), 'ignore');
  if (isSeq(ignore)) return ignore.items.map(stringValue).filter((v): v is string => v !== undefined);
  const single = stringValue(ignore);
  return single ? [single] : [];
}

function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return undefined;
}

function toString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function toArchitecture(value: unknown): Architecture | undefined {
  return value === 'arm64' || value === 'x86_64' ? value : undefined;
}
