// What the fixture workspace (test/e2e/workspace, plus the files server.mjs generates) must show in the
// Problems panel. Adding a scenario = a fixture template + a row here; the suite checks every row after the
// workspace scan (file not opened), and the `squiggle` rows again in the editor.
//
//   folder/file  where the template is (the Problems panel shows "file folder")
//   line         1-based, as the Problems panel's "[Ln L, Col C]"
//   severity     error | warning | info
//   ruleId       the diagnostic code shown after the message
//   message      a substring of the message (also used as the Problems filter)
//   related      optional: a substring and 1-based line of a related-information row under the marker
//   squiggle     true: also open the file and check the squiggle in the editor

export const EXPECTED = [
  // The four Lambda scenarios of the "done when".
  { id: 'timeout', folder: 'limits', file: 'template.yaml', line: 13, severity: 'error', ruleId: 'lambda/timeout-max', message: 'Timeout 1,200 s is above the Lambda maximum', squiggle: true },
  { id: 'api', folder: 'api', file: 'template.yaml', line: 22, severity: 'warning', ruleId: 'lambda/api-gateway-timeout', message: 'integration timeout of REST API OrdersApi', squiggle: true },
  { id: 'queue', folder: 'queue', file: 'template.yaml', line: 9, severity: 'warning', ruleId: 'sqs/visibility-timeout', message: 'below 6x the 30 s timeout', squiggle: true },
  { id: 'database', folder: 'database', file: 'template.yaml', line: 18, severity: 'warning', ruleId: 'rds/lambda-without-proxy', message: 'without RDS Proxy', squiggle: true },
  // An inherited value: reported on the function, with the Globals line as related information.
  {
    id: 'globals',
    folder: 'globals',
    file: 'template.yaml',
    line: 12,
    severity: 'error',
    ruleId: 'lambda/timeout-max',
    message: 'Timeout 1,800 s is above the Lambda maximum',
    related: { text: 'inherited from Globals', line: 7 },
    squiggle: true,
  },
  // Issue 4: an invalid Fargate pair in a task definition JSON file, a Serverless Framework http function over 29 s.
  { id: 'taskdef', folder: 'ecs', file: 'taskdef.json', line: 6, severity: 'error', ruleId: 'ecs/fargate-task-size', message: 'is not a Fargate task size', squiggle: true },
  { id: 'serverless', folder: 'sls', file: 'serverless.yml', line: 13, severity: 'warning', ruleId: 'lambda/api-gateway-timeout', message: 'REST API ApiGatewayRestApi', squiggle: true },
  // Broken and hostile input: a clear finding on the right line.
  { id: 'yaml', folder: 'broken', file: 'template.yaml', line: 10, severity: 'error', ruleId: 'parse-error', message: 'Flow sequence in block collection' },
  { id: 'json', folder: 'broken', file: 'template.json', line: 10, severity: 'error', ruleId: 'parse-error', message: 'close brace expected' },
  { id: 'tag', folder: 'broken', file: 'unknown-tag.yaml', line: 14, severity: 'warning', ruleId: 'unknown-tag', message: 'Unknown tag !Reff' },
  { id: 'bomb', folder: 'hostile', file: 'alias-bomb.yaml', line: 9, severity: 'error', ruleId: 'parse-error', message: 'alias bomb' },
  // Issue 18: a CDK construct class made three times; the instance whose props are out of range is reported on the
  // argument that set the value, with the declaration in the class as related information.
  {
    id: 'cdk-instance',
    folder: 'lib',
    file: 'shop-stack.ts',
    line: 10,
    severity: 'error',
    ruleId: 'lambda/memory-range',
    message: 'Memory 12,000 MB is outside the range',
    related: { text: 'orders-service.ts', line: 13 },
    squiggle: true,
  },
  // Issue 19: a Terraform function behind an aws_api_gateway_integration of a REST API, its timeout over 29 s.
  {
    id: 'terraform',
    folder: 'terraform',
    file: 'main.tf',
    line: 8,
    severity: 'warning',
    ruleId: 'lambda/api-gateway-timeout',
    message: 'integration timeout of REST API aws_api_gateway_rest_api.orders',
    squiggle: true,
  },
];

/** Templates with problems that must NOT be listed, and why. Each has a Timeout above 900 s. */
export const ABSENT = [
  { folder: 'excluded', file: 'template.yaml', why: 'files.exclude "excluded" (workspace settings)' },
  { folder: 'infra', file: 'stack.generated.yaml', why: 'files.exclude "**/*.generated.yaml"' },
  { folder: 'some-lib', file: 'template.yaml', why: 'inside node_modules (generated at test time)' },
  { folder: 'asset.0f2a9c', file: 'template.yaml', why: 'cdk.out assets are not scanned (generated at test time)' },
  { folder: '.terraform', file: 'main.tf', why: 'a module terraform init downloaded into .terraform/ (generated at test time)' },
  { folder: 'workflows', file: 'ci.yml', why: 'YAML that is not a template' },
  { folder: 'notes', file: 'package.json', why: 'JSON that is not a template' },
];

export const byId = (id) => {
  const row = EXPECTED.find((r) => r.id === id);
  if (!row) throw new Error(`no expected row ${id}`);
  return row;
};
