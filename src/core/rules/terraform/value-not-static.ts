import { describeUnresolved, settingNodes } from '../../model/unresolved.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'terraform/value-not-static',
    category: 'terraform',
    severity: 'hint',
    kind: 'suggestion',
    docs: {
      description:
        'A Terraform resource with settings that reading the files cannot know (a data source, a variable without a value, an output of a module Crossover does not read).',
      rationale:
        'Crossover reads Terraform without running it and without state. A value Terraform only learns when it plans or applies (a data source such as an SSM parameter, a variable set on the command line or through `TF_VAR_`, an output of a module from elsewhere) is unknown here, so the checks that need it stay silent and the cost model uses a default in its place. This hint lists, once per resource, which settings those are, why each is unknown, and what Crossover assumed, so a quiet analysis is not mistaken for a clean one.',
      howToFix:
        'Nothing is wrong with the configuration. To have a setting checked and costed, give the variable a default or a value in `terraform.tfvars` / `*.auto.tfvars`, write the value as a literal or a `local`, or put the JSON of a plan beside the files (`terraform show -json plan.out > plan.json`): its planned values fill what the files leave unresolved. Switch the hint off with `crossover.rules` if it is noise for your configuration.',
      exceptions:
        'Terraform files only. Settings that are simply left out are not listed: the provider defaults apply to them and Crossover knows those. References to other resources (an ARN, a queue URL) are not settings and are not listed.',
      examples: [
        {
          title: 'Memory from a data source',
          bad: 'resource "aws_lambda_function" "worker" {\n  memory_size = data.aws_ssm_parameter.memory.value\n}',
          good: 'variable "memory" {\n  default = 1024\n}\n\nresource "aws_lambda_function" "worker" {\n  memory_size = var.memory\n}',
        },
      ],
      sources: [{ title: 'Terraform: JSON output format (plan representation)', url: 'https://developer.hashicorp.com/terraform/internals/json-format' }],
    },
    messages: {
      notStatic: '{{id}}: not known without running Terraform: {{settings}}.',
    },
  },
  create(ctx) {
    return {
      Template(model) {
        if (model.format !== 'terraform') return;
        for (const node of settingNodes(model)) {
          const settings = describeUnresolved(node);
          if (settings) ctx.report({ node, messageId: 'notStatic', data: { id: node.id, settings } });
        }
      },
    };
  },
});
