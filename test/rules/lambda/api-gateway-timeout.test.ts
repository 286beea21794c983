import { expect, test } from 'vitest';
import rule from '../../../src/core/rules/lambda/api-gateway-timeout.js';
import { runTemplate, testRule } from '../rule-tester.js';

const sam = (body: string, globals = '') => `Transform: AWS::Serverless-2016-10-31
${globals}Resources:
${body}`;
const fn = (timeout: string, events: string, extra = '') => `  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      Timeout: ${timeout}
${extra}      Events:
${events}`;
const restEvent = '        Get:\n          Type: Api\n          Properties: {Path: /orders, Method: get}\n';
const httpEvent = '        Get:\n          Type: HttpApi\n          Properties: {Path: /orders, Method: get}\n';

const regionalApi = (eventProps: string) =>
  fn('60', `        Get:\n          Type: Api\n          Properties: {Path: /orders, Method: get, RestApiId: !Ref Api${eventProps}}\n`) +
  '  Api:\n    Type: AWS::Serverless::Api\n    Properties: {StageName: prod, EndpointConfiguration: REGIONAL}\n';

testRule(rule, {
  valid: [
    { name: 'exactly at the REST limit', template: sam(fn('29', restEvent)) },
    { name: 'exactly at the HTTP API limit', template: sam(fn('30', httpEvent)) },
    {
      name: 'only invoked asynchronously (a schedule)',
      template: sam(fn('600', '        Nightly:\n          Type: Schedule\n          Properties: {Schedule: rate(1 day)}\n')),
    },
    {
      name: 'a raised REST limit in the settings (regional API)',
      template: sam(regionalApi('')),
      config: { limits: { restApiIntegrationTimeoutSeconds: 90 } },
    },
    {
      name: 'an explicit TimeoutInMillis of exactly 29,000 on an edge-optimized API',
      template: sam(fn('29', '        Get:\n          Type: Api\n          Properties: {Path: /orders, Method: get, TimeoutInMillis: 29000}\n')),
    },
    {
      name: 'an explicit integration timeout above 29 s on a regional API',
      template: sam(
        fn('60', '        Get:\n          Type: Api\n          Properties: {Path: /orders, Method: get, RestApiId: !Ref Api, TimeoutInMillis: 60000}\n') +
          '  Api:\n    Type: AWS::Serverless::Api\n    Properties: {StageName: prod, EndpointConfiguration: REGIONAL}\n',
      ),
    },
    { name: 'a timeout that is not static', template: `Parameters:\n  T: {Type: Number}\n${sam(fn('!Ref T', restEvent))}` },
  ],
  invalid: [
    {
      name: 'a REST API (implicit, edge-optimized by default)',
      template: sam(fn('«60»', restEvent)),
      errors: [{ messageId: 'rest', message: 'edge-optimized, so the limit cannot be raised', related: ['Invoked synchronously by Api event Get'] }],
    },
    {
      name: 'a regional REST API: the message says the quota can be raised',
      template: sam(
        fn('«45»', '        Get:\n          Type: Api\n          Properties: {Path: /orders, Method: get, RestApiId: !Ref Api}\n') +
          '  Api:\n    Type: AWS::Serverless::Api\n    Properties: {StageName: prod, EndpointConfiguration: {Type: REGIONAL}}\n',
      ),
      errors: [{ messageId: 'rest', message: 'Service Quotas request; then set crossover.limits.restApiIntegrationTimeoutSeconds' }],
    },
    {
      name: 'a raised setting does not raise an edge-optimized API (the SAM default)',
      template: sam(fn('«60»', restEvent)),
      config: { limits: { restApiIntegrationTimeoutSeconds: 90 } },
      errors: [{ messageId: 'rest', message: 'above the 29 s integration timeout of REST API ServerlessRestApi' }],
    },
    {
      name: 'an explicit TimeoutInMillis above 29,000 on an edge-optimized API (SAM implicit API) is an error, and 29 s stays the limit',
      template: sam(fn('«60»', '        Get:\n          Type: Api\n          Properties: {Path: /orders, Method: get, TimeoutInMillis: «60000»}\n')),
      errors: [
        { messageId: 'rest', message: 'above the 29 s integration timeout', severity: 'warning' },
        {
          messageId: 'edgeIntegration',
          severity: 'error',
          message: 'TimeoutInMillis 60,000 is above the 29,000 ms an edge-optimized REST API allows (ServerlessRestApi)',
        },
      ],
    },
    {
      name: 'the same on an explicit EDGE API, with a function timeout within 29 s: only the integration',
      template: sam(
        fn('10', '        Get:\n          Type: Api\n          Properties: {Path: /orders, Method: get, RestApiId: !Ref Api, TimeoutInMillis: «45000»}\n') +
          '  Api:\n    Type: AWS::Serverless::Api\n    Properties: {StageName: prod, EndpointConfiguration: {Type: EDGE}}\n',
      ),
      errors: [{ messageId: 'edgeIntegration', severity: 'error', message: '(Api)' }],
    },
    {
      name: 'an explicit integration timeout on a regional API is the limit (current behaviour)',
      template: sam(regionalApi(', TimeoutInMillis: 45000')).replace('Timeout: 60', 'Timeout: «60»'),
      errors: [{ messageId: 'integration', message: 'above the 45 s TimeoutInMillis' }],
    },
    {
      name: 'an HTTP API cannot be raised',
      template: sam(fn('«31»', httpEvent)),
      errors: [{ messageId: 'http', message: '30 s integration timeout of HTTP API ServerlessHttpApi' }],
    },
    {
      name: 'an explicit TimeoutInMillis is the limit',
      template: sam(fn('«20»', '        Get:\n          Type: HttpApi\n          Properties: {Path: /a, Method: get, TimeoutInMillis: 10000}\n')),
      errors: [{ messageId: 'integration', message: 'above the 10 s TimeoutInMillis' }],
    },
    {
      name: 'inherited from Globals: on the function, with Globals and the event as related information',
      template: sam(fn('60', restEvent).replace('      Timeout: 60\n', '').replace('  Fn:', '  «Fn»:'), 'Globals:\n  Function:\n    Timeout: 60\n'),
      errors: [{ messageId: 'rest', related: ['inherited from Globals', 'Api event Get'] }],
    },
    {
      name: 'a CloudFormation REST API method wired to the function',
      template: `Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      Timeout: «120»
      Code: {ZipFile: "exports.handler = async () => ({})"}
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: orders
      EndpointConfiguration: {Types: [REGIONAL]}
  Method:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !GetAtt Api.RootResourceId
      HttpMethod: GET
      Integration:
        Type: AWS_PROXY
        IntegrationHttpMethod: POST
        Uri: !Sub arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${Fn.Arn}/invocations
`,
      errors: [{ messageId: 'rest', message: 'REST API Api', related: ['AWS::ApiGateway::Method event Method'] }],
    },
    {
      name: 'a WebSocket API integration',
      template: `Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      Timeout: «40»
      Code: {ZipFile: "exports.handler = async () => ({})"}
  Ws:
    Type: AWS::ApiGatewayV2::Api
    Properties: {Name: chat, ProtocolType: WEBSOCKET, RouteSelectionExpression: $request.body.action}
  Integration:
    Type: AWS::ApiGatewayV2::Integration
    Properties:
      ApiId: !Ref Ws
      IntegrationType: AWS_PROXY
      IntegrationUri: !Sub arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${Fn.Arn}/invocations
`,
      errors: [{ messageId: 'websocket' }],
    },
  ],
});

test('the quick fix lowers a literal timeout to the limit', () => {
  const text = sam(fn('60', restEvent));
  const finding = runTemplate(text).findings.find((f) => f.ruleId === rule.meta.id)!;
  expect(finding.fix?.title).toBe('Set Timeout to 29 s');
  expect(finding.fix?.edits).toEqual([{ range: finding.range, newText: '29' }]);
});

test('no quick fix when the value comes from a parameter', () => {
  const text = `Parameters:\n  T: {Type: Number, Default: 60}\n${sam(fn('!Ref T', restEvent))}`;
  const finding = runTemplate(text).findings.find((f) => f.ruleId === rule.meta.id)!;
  expect(finding.message).toContain('Timeout 60 s');
  expect(finding.fix).toBeUndefined();
});

test('the edge-optimized integration timeout gets a fix to 29,000', () => {
  const text = sam(fn('10', '        Get:\n          Type: Api\n          Properties: {Path: /orders, Method: get, TimeoutInMillis: 60000}\n'));
  const finding = runTemplate(text).findings.find((f) => f.ruleId === rule.meta.id)!;
  expect(finding.message).toContain('edge-optimized');
  expect(finding.fix?.title).toBe('Set TimeoutInMillis to 29000');
  expect(finding.fix?.edits).toEqual([{ range: finding.range, newText: '29000' }]);
});
