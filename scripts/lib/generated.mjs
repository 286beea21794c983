// Generated inputs shared by the benchmark (scripts/bench.mjs) and the real-editor suite (test/e2e/server.mjs).

/** A SAM template of `count` functions (a queue beside every fourth), about 16 lines each: 310 functions give 5,000+ lines. */
export function generatedTemplate(count) {
  const out = [
    "AWSTemplateFormatVersion: '2010-09-09'",
    'Transform: AWS::Serverless-2016-10-31',
    'Parameters:',
    '  Stage: {Type: String, Default: prod}',
    '  WorkerTimeout: {Type: Number, Default: 120}',
    'Mappings:',
    '  Sizes:',
    '    prod: {memory: 1024}',
    'Globals:',
    '  Function:',
    '    Runtime: python3.13',
    '    MemorySize: 512',
    '    Timeout: 30',
    '    Architectures: [arm64]',
    '    Environment:',
    '      Variables:',
    '        STAGE: !Ref Stage',
    'Resources:',
  ];
  for (let i = 0; i < count; i++) {
    if (i % 4 === 1) out.push(`  Queue${i}:`, '    Type: AWS::SQS::Queue', '    Properties:', '      VisibilityTimeout: 720');
    out.push(
      `  Function${i}:`,
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      `      Handler: app.handler_${i}`,
      '      CodeUri: src/',
      i % 3 === 0 ? '      MemorySize: !FindInMap [Sizes, !Ref Stage, memory]' : `      MemorySize: ${256 + (i % 8) * 128}`,
      i % 4 === 1 ? '      Timeout: !Ref WorkerTimeout' : `      Timeout: ${5 + (i % 25)}`,
      '      Environment:',
      '        Variables:',
      `          TABLE: !Sub "\${Stage}-table-${i}"`,
      '      Events:',
    );
    if (i % 4 === 1) out.push('        Jobs:', '          Type: SQS', '          Properties:', `            Queue: !GetAtt Queue${i}.Arn`);
    else out.push('        Get:', '          Type: Api', '          Properties:', `            Path: /items/${i}`, '            Method: get');
  }
  return out.join('\n') + '\n';
}

/** A TypeScript CDK stack of about `lines` lines: a queue and a function with an event source, ten lines each. */
export function cdkStack(lines) {
  const out = [
    "import { Duration, Size, Stack } from 'aws-cdk-lib';",
    "import * as lambda from 'aws-cdk-lib/aws-lambda';",
    "import * as sqs from 'aws-cdk-lib/aws-sqs';",
    "import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';",
    'const COMMON = { runtime: lambda.Runtime.NODEJS_22_X, architecture: lambda.Architecture.ARM_64 };',
    'export class BigStack extends Stack {',
    '  constructor(scope: any, id: string) {',
    '    super(scope, id);',
  ];
  for (let i = 0; out.length < lines - 2; i++) {
    out.push(
      `    const queue${i} = new sqs.Queue(this, 'Queue${i}', { visibilityTimeout: Duration.seconds(${60 + (i % 5) * 60}) });`,
      `    const fn${i} = new lambda.Function(this, 'Fn${i}', {`,
      '      ...COMMON,',
      `      handler: 'handlers/h${i}.main',`,
      "      code: lambda.Code.fromAsset('dist'),",
      `      memorySize: ${128 * (1 + (i % 8))},`,
      `      timeout: Duration.seconds(${10 + (i % 30)}),`,
      '      ephemeralStorageSize: Size.mebibytes(1024),',
      '    });',
      `    fn${i}.addEventSource(new SqsEventSource(queue${i}));`,
    );
  }
  out.push('  }', '}');
  return out.join('\n') + '\n';
}
