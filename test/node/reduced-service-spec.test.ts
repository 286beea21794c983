/**
 * The CloudFormation specification the build ships (dist/db.json.gz) is the package's, reduced to what the resource
 * comparison reads (scripts/service-spec.mjs): hand-written changes of each kind (replacing, possibly replacing and
 * updating properties, a type change, SAM and custom resources, IAM and security group changes, additions and
 * removals) are classified exactly as with the full specification. The corpus version:
 * test/corpus/reduced-service-spec-sweep.test.ts.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FULL_SERVICE_SPEC, reduceServiceSpec } from '../../scripts/service-spec.mjs';
import { type TemplateObject } from '../../src/core/index.js';
import { type Classification, specDiffers, type SpecDiffers } from '../support/spec-differs.js';

let differs: SpecDiffers;
beforeAll(async () => {
  differs = await specDiffers();
});
afterAll(() => differs?.dispose());

const policy = (action: string) => ({ Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] });
const trust = { Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] };

const before: TemplateObject = {
  Resources: {
    Fn: {
      Type: 'AWS::Lambda::Function',
      Properties: {
        FunctionName: 'orders',
        MemorySize: 128,
        Runtime: 'nodejs22.x',
        Handler: 'index.handler',
        Role: { 'Fn::GetAtt': ['Role', 'Arn'] },
        Code: { ZipFile: 'x' },
      },
    },
    Table: {
      Type: 'AWS::DynamoDB::Table',
      Properties: {
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
      },
    },
    Db: { Type: 'AWS::RDS::DBInstance', Properties: { Engine: 'mysql', AllocatedStorage: '20', DBInstanceClass: 'db.t3.micro' } },
    Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: trust, Policies: [{ PolicyName: 'p', PolicyDocument: policy('s3:GetObject') }] } },
    Sg: {
      Type: 'AWS::EC2::SecurityGroup',
      Properties: { GroupDescription: 'web', SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '10.0.0.0/8' }] },
    },
    Queue: { Type: 'AWS::SQS::Queue', Properties: { VisibilityTimeout: 30 } },
    Api: { Type: 'AWS::Serverless::Function', Properties: { Runtime: 'python3.13', Handler: 'app.handler', MemorySize: 128 } },
    Custom: { Type: 'Custom::Thing', Properties: { ServiceToken: 'arn', Size: 1 } },
    Gone: { Type: 'AWS::SNS::Topic' },
  },
};

const after: TemplateObject = {
  Resources: {
    Fn: { Type: 'AWS::Lambda::Function', Properties: { ...before.Resources['Fn']!.Properties, FunctionName: 'orders-v2', MemorySize: 256 } },
    Table: { Type: 'AWS::DynamoDB::Table', Properties: { ...before.Resources['Table']!.Properties, KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }] } },
    Db: { Type: 'AWS::RDS::DBInstance', Properties: { Engine: 'postgres', AllocatedStorage: '40', DBInstanceClass: 'db.t3.micro' } },
    Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: trust, Policies: [{ PolicyName: 'p', PolicyDocument: policy('s3:*') }] } },
    Sg: {
      Type: 'AWS::EC2::SecurityGroup',
      Properties: { GroupDescription: 'web', SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0' }] },
    },
    Queue: { Type: 'AWS::SNS::Topic', Properties: {} },
    Api: { Type: 'AWS::Serverless::Function', Properties: { Runtime: 'python3.13', Handler: 'app.handler', MemorySize: 512 } },
    Custom: { Type: 'Custom::Thing', Properties: { ServiceToken: 'arn', Size: 2 } },
    New: { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'b' } },
  },
};

function classified(x: Classification | { error: string }): Classification {
  if ('error' in x) throw new Error(x.error);
  return x;
}

describe('the reduced CloudFormation specification', () => {
  test('classifies hand-written changes exactly as the full one', () => {
    const full = classified(differs.full(before, after));
    expect(differs.reduced(before, after)).toEqual(full);
    expect(differs.reduced(after, before)).toEqual(differs.full(after, before));
    // What the full specification says, so the equality above compares something.
    const change = (id: string) => full.changes!.find((c) => c.id === id)!;
    const replacing = (id: string) => Object.fromEntries(change(id).properties.map((p) => [p.name, p.replacement]));
    expect(change('Fn').change).toBe('replaced');
    expect(replacing('Fn')).toEqual({ FunctionName: true, MemorySize: false });
    expect(change('Table').change).toBe('replaced');
    expect(replacing('Db')).toEqual({ Engine: true, AllocatedStorage: false });
    expect(full.impacts['Db']!.properties).toEqual({ Engine: 'MAY_REPLACE', AllocatedStorage: 'WILL_UPDATE' });
    expect(change('Queue')).toMatchObject({ change: 'replaced', properties: [{ name: 'Type', replacement: true }] });
    expect(change('Api').change).toBe('updated');
    expect(change('Custom').change).toBe('updated');
    expect(change('Gone').change).toBe('removed');
    expect(change('New').change).toBe('added');
    expect(JSON.stringify(full.iam)).toContain('s3:*');
    expect(JSON.stringify(full.securityGroups)).toContain('0.0.0.0/0');
    expect(full.permissionsBroadened).toBe(true);
  });

  test('keeps every resource type and every property name, with its replacement, and is a few percent of the full one', () => {
    const fullSpec = JSON.parse(gunzipSync(readFileSync(FULL_SERVICE_SPEC)).toString('utf8')) as {
      schema: { resource: { entities: { cloudFormationType: string; properties: Record<string, { causesReplacement?: string }> }[] } };
    };
    const reduced = reduceServiceSpec(fullSpec);
    const replacements = (resources: { cloudFormationType: string; properties: Record<string, { causesReplacement?: string }> }[]) =>
      Object.fromEntries(
        resources.map((r) => [r.cloudFormationType, Object.entries(r.properties).map(([name, p]) => `${name}:${p.causesReplacement ?? 'no'}`)]),
      );
    expect(replacements(reduced.schema.resource.entities)).toEqual(replacements(fullSpec.schema.resource.entities));
    expect(reduced.schema.resource.entities.length).toBeGreaterThan(1000);
    expect(differs.sizes.reduced).toBeLessThan(differs.sizes.full / 20);
    console.log(`CloudFormation specification: ${differs.sizes.full} bytes in the package, ${differs.sizes.reduced} bytes reduced`);
  });
});
