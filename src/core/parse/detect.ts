import { type TemplateFormat } from '../model/template.js';
import { get, getEntry, isMap, isSeq, stringValue, type TreeNode } from './document/tree.js';

export const SAM_TRANSFORM = 'AWS::Serverless-2016-10-31';

/**
 * Is this document a SAM or CloudFormation template? Other YAML and JSON (workflows, package.json,
 * OpenAPI files, ...) must be left alone, so this only says yes on clear evidence.
 */
export function detectTemplate(root: TreeNode | undefined, text: string): TemplateFormat | undefined {
  if (isMap(root) && isTaskDefinition(root)) return 'ecs-task-definition';
  if (isMap(root) && isServerless(root)) return 'serverless';
  if (isMap(root)) {
    const resources = get(root, 'Resources');
    let typed = false;
    let serverless = hasSamTransform(get(root, 'Transform'));
    if (isMap(resources)) {
      for (const entry of resources.entries) {
        const type = stringValue(get(entry.value, 'Type'));
        if (!type) continue;
        if (type.startsWith('AWS::Serverless::')) serverless = true;
        if (/^[A-Za-z0-9]+::[A-Za-z0-9]+/.test(type)) typed = true;
      }
    }
    if (serverless) return 'sam';
    if (typed || getEntry(root, 'AWSTemplateFormatVersion')) return 'cloudformation';
    return undefined;
  }
  // Unreadable or not a map: look at the text, so a broken template still gets its parse error reported.
  if (/AWS::Serverless-2016-10-31|AWS::Serverless::/.test(text)) return 'sam';
  if (/AWSTemplateFormatVersion|["']?Type["']?\s*:\s*["']?AWS::[A-Za-z0-9]+::/.test(text)) return 'cloudformation';
  if (/^\s*\{[\s\S]{0,2000}"containerDefinitions"\s*:/.test(text)) return 'ecs-task-definition';
  if (/^service\s*:/m.test(text) && /^provider\s*:/m.test(text) && /^\s+name\s*:\s*['"]?aws\b/m.test(text)) return 'serverless';
  return undefined;
}

/**
 * Can this YAML or JSON text be something detectTemplate recognises? A necessary condition tested on the text before
 * any parsing, as most YAML and JSON of a repository (workflows, package.json, compose files) is not infrastructure:
 * every key and value detectTemplate looks for (`Resources`, `AWSTemplateFormatVersion`, `AWS::` types and the SAM
 * transform, `containerDefinitions`, `provider`) is in the text as written, or else an escape wrote it (a backslash
 * in a quoted scalar: such a text is always read).
 */
export function mentionsTemplate(text: string): boolean {
  return /AWS::|AWSTemplateFormatVersion|Resources|containerDefinitions|provider|\\/.test(text);
}

/** An ECS task definition in the API form, or `describe-task-definition` output wrapping one. */
function isTaskDefinition(root: TreeNode): boolean {
  const wrapped = get(root, 'taskDefinition');
  const node = isMap(wrapped) ? wrapped : root;
  return isSeq(get(node, 'containerDefinitions')) && !getEntry(root, 'Resources');
}

function hasSamTransform(node: TreeNode | undefined): boolean {
  if (isSeq(node)) return node.items.some(hasSamTransform);
  if (isMap(node)) return stringValue(get(node, 'Name')) === SAM_TRANSFORM;
  return stringValue(node) === SAM_TRANSFORM;
}

/**
 * A Serverless Framework service for the AWS provider: `provider` (`name: aws`, or just `aws`) and
 * `service` or `functions` at the root. Other providers (azure, google, ...) are left alone.
 */
function isServerless(root: TreeNode): boolean {
  const provider = get(root, 'provider');
  if (!provider || getEntry(root, 'Resources')) return false;
  if (!getEntry(root, 'service') && !getEntry(root, 'functions')) return false;
  const name = isMap(provider) ? stringValue(get(provider, 'name')) : stringValue(provider);
  return name?.toLowerCase() === 'aws';
}
