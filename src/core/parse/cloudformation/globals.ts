/**
 * SAM `Globals`: which section applies to which resource, and the layers a PropertyView merges.
 * `Globals.Function` applies to every AWS::Serverless::Function, `Globals.Api` to every
 * AWS::Serverless::Api (and the implicit ServerlessRestApi), `Globals.HttpApi` to every
 * AWS::Serverless::HttpApi (and the implicit ServerlessHttpApi). Plain CloudFormation resources never
 * inherit anything. A resource can opt out with the `IgnoreGlobals` attribute (`'*'` or a list of names).
 */
import { type PathSegment } from '../../model/location.js';
import { get, isMap, isSeq, stringValue, type MapNode } from '../document/tree.js';
import { type BuildContext, type ResourceEntry } from './context.js';
import { type Layer } from './properties.js';

export interface SamGlobals {
  function?: MapNode;
  api?: MapNode;
  httpApi?: MapNode;
}

type Section = keyof SamGlobals;

const SECTION_KEYS: Record<Section, string> = { function: 'Function', api: 'Api', httpApi: 'HttpApi' };

const SECTION_OF_TYPE: Record<string, Section> = {
  'AWS::Serverless::Function': 'function',
  'AWS::Serverless::Api': 'api',
  'AWS::Serverless::HttpApi': 'httpApi',
};

/** The Globals sections of a SAM template; anything that is not a map is ignored, as garbage. */
export function readGlobals(ctx: BuildContext): SamGlobals {
  const globals: SamGlobals = {};
  if (!ctx.isSam) return globals;
  const root = get(ctx.doc.root, 'Globals');
  for (const section of Object.keys(SECTION_KEYS) as Section[]) {
    const node = get(root, SECTION_KEYS[section]);
    if (isMap(node)) globals[section] = node;
  }
  return globals;
}

/** The resource's own properties, then the Globals section for its type (unless it ignores them). */
export function resourceLayers(resource: ResourceEntry, globals: SamGlobals): Layer[] {
  const layers: Layer[] = [{ node: resource.properties, path: ['Resources', resource.id, 'Properties'], origin: 'explicit' }];
  const section = Object.hasOwn(SECTION_OF_TYPE, resource.type) ? SECTION_OF_TYPE[resource.type] : undefined;
  const node = section ? globals[section] : undefined;
  if (!section || !node) return layers;
  const ignore = ignoredGlobals(resource);
  if (ignore === '*') return layers;
  layers.push({ node, path: globalsPath(section), origin: 'globals', ...(ignore ? { ignore } : {}) });
  return layers;
}

/** The implicit APIs SAM creates have no properties of their own: only Globals. */
export function implicitApiLayers(section: 'api' | 'httpApi', globals: SamGlobals): Layer[] {
  return [{ node: globals[section], path: globalsPath(section), origin: 'globals' }];
}

function globalsPath(section: Section): PathSegment[] {
  return ['Globals', SECTION_KEYS[section]];
}

/** SAM's `IgnoreGlobals` resource attribute: `'*'` (ignore all) or a list of property names. */
function ignoredGlobals(resource: ResourceEntry): '*' | ReadonlySet<string> | undefined {
  const node = get(resource.node, 'IgnoreGlobals');
  if (stringValue(node) === '*') return '*';
  if (!isSeq(node)) return undefined;
  return new Set(node.items.map(stringValue).filter((v): v is string => v !== undefined));
}
