// Pathological but valid input shapes for `npm run bench`: each generator returns a text of about `bytes`
// UTF-16 units (never more), shaped so that the whole analysis runs on it (detection says template, the
// model is built, the rules run). Deterministic: the same size gives the same text.

const HEADER = [
  "AWSTemplateFormatVersion: '2010-09-09'",
  'Transform: AWS::Serverless-2016-10-31',
  'Globals:',
  '  Function:',
  '    Runtime: python3.13',
  '    Timeout: 30',
  'Resources:',
  '  Queue:',
  '    Type: AWS::SQS::Queue',
  '    Properties:',
  '      VisibilityTimeout: 60',
  '  Api:',
  '    Type: AWS::Serverless::Api',
  '    Properties:',
  '      StageName: prod',
  '  Fn:',
  '    Type: AWS::Serverless::Function',
  '    Properties:',
  '      Handler: app.handler',
  '      CodeUri: src/',
  '      MemorySize: 512',
];
const EVENTS = [
  '      Events:',
  '        Jobs:',
  '          Type: SQS',
  '          Properties:',
  '            Queue: !GetAtt Queue.Arn',
  '        Get:',
  '          Type: Api',
  '          Properties:',
  '            RestApiId: !Ref Api',
  '            Path: /items',
  '            Method: get',
];
const TAIL = [
  '  Other:',
  '    Type: AWS::Serverless::Function',
  '    Properties:',
  '      Handler: other.handler',
  '      CodeUri: src/',
  '      Timeout: 900',
];

/** Repeats `unit(i)` until the next one would pass `room` characters. */
function fill(room, unit) {
  const parts = [];
  let length = 0;
  for (let i = 0; ; i++) {
    const part = unit(i);
    if (length + part.length > room) break;
    parts.push(part);
    length += part.length;
  }
  return parts.join('');
}

/** A SAM template whose function has one line of about `bytes` (`prefix` + filler + `suffix`), the rest ordinary. */
function templateWithLine(bytes, prefix, unit, suffix, after = []) {
  const before = HEADER.join('\n') + '\n' + prefix;
  const rest = suffix + '\n' + [...after, ...EVENTS, ...TAIL].join('\n') + '\n';
  return before + fill(bytes - before.length - rest.length, unit) + rest;
}

// Base64-like text without spaces: the longest possible "word" on a line.
const WORD = 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3ODk';

export const SHAPES = [
  {
    name: 'long line: a string value',
    uri: 'long-string/template.yaml',
    make: (bytes) => templateWithLine(bytes, '      Description: ', (i) => WORD.slice(i % 7), ''),
  },
  {
    name: 'long line: flow sequence of Policies',
    uri: 'long-policies/template.yaml',
    make: (bytes) => templateWithLine(bytes, '      Policies: [', (i) => `${i ? ', ' : ''}{SQSPollerPolicy: {QueueName: !GetAtt Queue.QueueName}}`, ']'),
  },
  {
    name: 'long line: flow map of Events',
    uri: 'long-events/template.yaml',
    make: (bytes) =>
      templateWithLine(
        bytes,
        '      Events: {',
        (i) => `${i ? ', ' : ''}E${i}: {Type: SQS, Properties: {Queue: !GetAtt Queue.Arn, BatchSize: ${1 + (i % 10)}}}`,
        '}',
        [],
      ).replace(EVENTS.join('\n') + '\n', ''),
  },
  {
    name: 'long line: !Sub',
    uri: 'long-sub/template.yaml',
    // Up to 1,000 placeholders are evaluated (more are refused as hostile): about 960 of them, with long literal text between.
    make: (bytes) => {
      const gap = WORD.repeat(Math.ceil(bytes / 990 / WORD.length)).slice(0, Math.floor(bytes / 960) - 20);
      return templateWithLine(
        bytes,
        '      Environment: {Variables: {QUEUES: !Sub "',
        (i) => (i % 2 ? `\${Queue.Arn}/${gap}` : `\${AWS::Region}:${gap}`),
        '"}}',
      );
    },
  },
  {
    name: 'long line, then a mis-indented key',
    uri: 'misindented/template.yaml',
    // `Timeout` one column left of its siblings: a syntax error that makes the reader try the lenient re-read.
    make: (bytes) => templateWithLine(bytes, '      Description: ', (i) => WORD.slice(i % 7), '', ['     Timeout: 20']),
  },
  {
    name: 'long flow collection, then a mis-indented continuation',
    uri: 'misindented-flow/template.yaml',
    // CloudFormation's leniency: the closing bracket of a multi-line flow sequence at its key's column.
    make: (bytes) =>
      templateWithLine(
        bytes,
        '      Policies: [',
        (i) => `${i ? ', ' : ''}{SQSPollerPolicy: {QueueName: !GetAtt Queue.QueueName}}`,
        ',\n      {SQSSendMessagePolicy: {QueueName: !Ref Queue}}]',
      ),
  },
  {
    name: 'broken: a syntax error per character (stray closing brackets)',
    uri: 'stray-closers/template.yaml',
    // Found by the fuzz campaign: the YAML library makes one error object per stray `}`; the analysis goes on
    // with the functions read before the garbage.
    make: (bytes) => {
      const head = [...HEADER, ...EVENTS, ...TAIL].join('\n') + '\n';
      return head + fill(bytes - head.length, () => '}'.repeat(33) + '\n');
    },
  },
  {
    name: 'whole template as a one-line YAML flow map',
    uri: 'flow/template.yaml',
    make: (bytes) => {
      const head =
        "{AWSTemplateFormatVersion: '2010-09-09', Transform: AWS::Serverless-2016-10-31, Globals: {Function: {Runtime: python3.13, Timeout: 30}}, Resources: {";
      const tail = '}}\n';
      const unit = (i) =>
        (i ? ', ' : '') +
        (i % 2
          ? `Queue${i}: {Type: AWS::SQS::Queue, Properties: {VisibilityTimeout: ${30 + (i % 5)}}}`
          : `Fn${i}: {Type: AWS::Serverless::Function, Properties: {Handler: app.h${i}, CodeUri: src/, MemorySize: ${128 * (1 + (i % 8))}, ` +
            `Environment: {Variables: {Q: !Ref Queue${i + 1}, ROLE: !Ref Fn${i}Role}}, Events: {Jobs: {Type: SQS, Properties: {Queue: !GetAtt Queue${i + 1}.Arn}}}}}`);
      return head + fill(bytes - head.length - tail.length, unit) + tail;
    },
  },
  {
    name: 'minified JSON template, thousands of resources',
    uri: 'minified/template.json',
    make: (bytes) => {
      const head = '{"AWSTemplateFormatVersion":"2010-09-09","Resources":{';
      const tail = '}}';
      const unit = (i) => {
        const sep = i ? ',' : '';
        switch (i % 4) {
          case 0:
            return `${sep}"Role${i}":{"Type":"AWS::IAM::Role","Properties":{"AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}}}`;
          case 1:
            return (
              `${sep}"Fn${i}":{"Type":"AWS::Lambda::Function","Properties":{"Runtime":"python3.9","Handler":"app.h","MemorySize":${128 * (1 + (i % 8))},"Timeout":${60 + (i % 300)},` +
              `"Role":{"Fn::GetAtt":["Role${i - 1}","Arn"]},"Code":{"S3Bucket":"b","S3Key":"k${i}.zip"},"Environment":{"Variables":{"QUEUE":{"Ref":"Queue${i + 1}"}}}}}`
            );
          case 2:
            return `${sep}"Queue${i}":{"Type":"AWS::SQS::Queue","Properties":{"VisibilityTimeout":30}}`;
          default:
            return `${sep}"Map${i}":{"Type":"AWS::Lambda::EventSourceMapping","Properties":{"EventSourceArn":{"Fn::GetAtt":["Queue${i - 1}","Arn"]},"FunctionName":{"Ref":"Fn${i - 2}"}}}`;
        }
      };
      return head + fill(bytes - head.length - tail.length, unit) + tail;
    },
  },
  {
    name: 'serverless.yml, long line of functions',
    uri: 'sls/serverless.yml',
    make: (bytes) => {
      const head =
        'service: big\nprovider:\n  name: aws\n  runtime: nodejs20.x\n  memorySize: ${self:custom.memory}\ncustom:\n  memory: 1024\n  timeout: 20\nfunctions: {';
      const tail = '}\n';
      const unit = (i) =>
        `${i ? ', ' : ''}f${i}: {handler: src/h.f${i}, timeout: '\${self:custom.timeout}', events: [{sqs: {arn: arn:aws:sqs:us-east-1:1:q${i}}}]}`;
      return head + fill(bytes - head.length - tail.length, unit) + tail;
    },
  },
  {
    name: 'SAM Globals: a long value every function inherits',
    uri: 'globals/template.yaml',
    // Half the text is one Fn::Sub in Globals (a Ref to a parameter, so it is evaluated); the rest is functions.
    make: (bytes) => {
      const head = `Transform: AWS::Serverless-2016-10-31\nParameters:\n  Stage: {Type: String, Default: prod}\nGlobals:\n  Function:\n    Runtime: python3.13\n    Environment:\n      Variables:\n        LONG: !Sub "`;
      const long = fill(Math.floor(bytes / 2), (i) => WORD.slice(i % 7));
      const middle = `-\${Stage}"\nResources:\n`;
      const unit = (i) => `  Fn${i}:\n    Type: AWS::Serverless::Function\n    Properties: {Handler: app.h${i}, CodeUri: src/}\n`;
      return head + long + middle + fill(bytes - head.length - long.length - middle.length, unit);
    },
  },
  {
    name: 'YAML aliases: thousands of functions sharing one anchored Properties map',
    uri: 'aliases/template.yaml',
    make: (bytes) => {
      const head =
        'Transform: AWS::Serverless-2016-10-31\nResources:\n  Queue:\n    Type: AWS::SQS::Queue\n  Fn:\n    Type: AWS::Serverless::Function\n' +
        '    Properties: &shared\n      Handler: app.handler\n      Runtime: python3.13\n      Timeout: 60\n      Events:\n        Jobs: {Type: SQS, Properties: {Queue: !GetAtt Queue.Arn}}\n';
      const unit = (i) => `  Fn${i}:\n    Type: AWS::Serverless::Function\n    Properties: *shared\n`;
      return head + fill(bytes - head.length, unit);
    },
  },
  {
    name: 'serverless.yml: a long provider variable every function inherits',
    uri: 'sls-provider/serverless.yml',
    make: (bytes) => {
      const head = 'service: big\nprovider:\n  name: aws\n  runtime: nodejs20.x\n  stage: prod\n  environment:\n    LONG: "';
      const long = fill(Math.floor(bytes / 2), (i) => WORD.slice(i % 7));
      const middle = '-${sls:stage}"\nfunctions:\n';
      const unit = (i) => `  f${i}:\n    handler: src/h.f${i}\n    timeout: 20\n`;
      return head + long + middle + fill(bytes - head.length - long.length - middle.length, unit);
    },
  },
  {
    name: 'minified task definition, huge environment',
    uri: 'taskdef/task-definition.json',
    make: (bytes) => {
      const head =
        '{"family":"big","requiresCompatibilities":["FARGATE"],"networkMode":"awsvpc","cpu":"256","memory":"512","containerDefinitions":[{"name":"app","image":"nginx","essential":true,"memory":1024,"environment":[';
      const tail = ']}]}';
      const unit = (i) => `${i ? ',' : ''}{"name":"VAR_${i}","value":"${WORD.slice(i % 9, 40)}"}`;
      return head + fill(bytes - head.length - tail.length, unit) + tail;
    },
  },
];

/** Just under CrossOver's default size cap (4,096 KB), so the largest shapes are still analysed. */
export const MB = 1024 * 1024;
export const SHAPE_SIZES = [1 * MB, 2 * MB, 4 * MB - 1024];
