import { defineRule } from './rule.js';

/**
 * Reported by the engine: a `Ref`, `Fn::GetAtt` or `${...}` in a value Crossover reads names nothing in the
 * template, or names a file the host refused to read (outside the workspace folder).
 */
export default defineRule({
  meta: {
    id: 'unresolved-reference',
    category: 'template',
    severity: 'warning',
    kind: 'pitfall',
    docs: {
      description:
        'A reference in a setting Crossover checks (memory, timeout, queue, API...) names a parameter or resource that the template does not declare, or a file outside the workspace that Crossover does not read.',
      rationale:
        'A reference to a name the template does not declare makes the deployment fail, and it leaves Crossover unable to know the value (a timeout, a queue, an API), so the checks that depend on it are skipped. The same holds for a `${file(...)}` of serverless.yml, or a module a CDK app imports consts from, that is outside the workspace folder (for the CLI, the folder given, or the folder of the file given), by its path or through a symbolic link: Crossover does not read it, and says so.',
      howToFix:
        'Declare the parameter or resource, or correct the name. Pseudo parameters such as `AWS::Region` are always available and never reported. For a file outside the workspace folder: open the folder that holds both as the workspace (or give it to `crossover check`), or move the file inside; Crossover never reads files outside it, so a project cannot make it read your other files.',
      examples: [
        {
          title: 'A Ref to a parameter that does not exist',
          bad: 'Parameters:\n  TimeoutSeconds: {Type: Number, Default: 30}\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Timeout: !Ref Timeout\n',
          good: 'Parameters:\n  TimeoutSeconds: {Type: Number, Default: 30}\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Timeout: !Ref TimeoutSeconds\n',
        },
      ],
      sources: [{ title: 'Ref', url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-ref.html' }],
    },
    messages: { problem: '{{message}}' },
  },
  create: () => ({}),
});
