import { defineRule } from './rule.js';

/**
 * Reported by the engine, not by a visitor: YAML or JSON that cannot be read (syntax errors, duplicate keys,
 * alias bombs, nesting too deep), and TypeScript/JavaScript nested too deeply for its parser. The rest of a
 * YAML or JSON file is analysed as far as it could be read.
 */
export default defineRule({
  meta: {
    id: 'parse-error',
    category: 'template',
    severity: 'error',
    kind: 'pitfall',
    docs: {
      description:
        'The file could not be read as YAML or JSON, or reading it was stopped because it is hostile (alias bomb, extreme nesting, code nested too deeply to parse).',
      rationale:
        'CloudFormation refuses a template it cannot read, so nothing else about the file can be trusted until this is fixed. Crossover still analyses the parts it could read. Documents built to exhaust a parser (aliases that expand exponentially, thousands of nesting levels) are cut off so the editor stays responsive. A serverless.ts or CDK app whose brackets nest more than 128 levels deep is not analysed at all: the TypeScript parser recurses once per level and would run out of stack.',
      howToFix:
        'Fix the syntax at the reported position (only the first few errors are listed; later ones usually follow from them). Templates never need deep nesting or alias expansion in the millions, and code nested 128 levels deep is generated or hostile.',
      exceptions:
        'Like CloudFormation, Crossover accepts continuation lines of multi-line flow collections and quoted strings that are not indented past their key (strict YAML 1.2 parsers reject them).',
      examples: [
        {
          title: 'An unclosed flow sequence',
          bad: 'Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Layers: [!Ref LayerA\n',
          good: 'Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Layers: [!Ref LayerA]\n',
        },
      ],
      sources: [{ title: 'CloudFormation template formats', url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-formats.html' }],
    },
    messages: { problem: '{{message}}' },
  },
  create: () => ({}),
});
