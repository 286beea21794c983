/**
 * A Terraform file's model: the template builder's reading of the virtual template (translate.ts), keeping what this
 * file declares (the folder's other files are there for what they define and for references), with the events named
 * by the Terraform resource that makes them and `count` / `for_each` copies known as instances of their block.
 */
import { type ModelNode } from '../../model/nodes.js';
import { keepNodes } from '../../model/template.js';
import { buildTemplateModel } from '../cloudformation/build.js';
import { type ParsedTemplate } from '../cloudformation/types.js';
import { type LoadedDocument } from '../document/load.js';

export function buildTerraformModel(document: LoadedDocument): ParsedTemplate {
  const { model, problems } = buildTemplateModel(document, 'terraform');
  // What the folder's other files declare is theirs to show.
  keepNodes(model, (node) => node.loc.uri === document.uri);
  // Events name the Terraform resource that makes them (`aws_api_gateway_integration`), not the CloudFormation type it stands for.
  for (const fn of model.functions) {
    for (const event of fn.events) {
      const tfType = /^(aws_[a-z0-9_]+)\./.exec(event.name)?.[1];
      if (tfType) event.sourceType = tfType;
    }
  }
  // `count` / `for_each` copies of one block are instances of it: the faces show the block once, counting each copy.
  for (const node of [...model.functions, ...model.taskDefinitions, ...model.services] as ModelNode[]) {
    const copy = /^(.+?)\[(.+)\]$/.exec(node.id);
    if (copy && !node.instance) node.instance = { className: copy[1]!, id: copy[2]!.replace(/^"(.*)"$/, '$1'), site: node.loc, declaredAt: node.loc };
  }
  return { model, problems: problems.filter((p) => p.loc.uri === document.uri) };
}
