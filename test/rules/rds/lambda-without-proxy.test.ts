import rule from '../../../src/core/rules/rds/lambda-without-proxy.js';
import { testRule } from '../rule-tester.js';

const fn = (env: string, vpc = '      VpcConfig: {SubnetIds: [subnet-1, subnet-2], SecurityGroupIds: [sg-1]}\n') => `  Reports:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
${vpc}      Environment:
        Variables:
${env}`;
const db = '  Db:\n    Type: AWS::RDS::DBInstance\n    Properties: {Engine: postgres, DBInstanceClass: db.t4g.micro, AllocatedStorage: 20}\n';
const cluster = (dataApi: boolean) =>
  `  Cluster:\n    Type: AWS::RDS::DBCluster\n    Properties: {Engine: aurora-postgresql${dataApi ? ', EnableHttpEndpoint: true' : ''}}\n`;
const proxy = (target: string) => `  Proxy:
    Type: AWS::RDS::DBProxy
    Properties: {DBProxyName: p, EngineFamily: POSTGRESQL, RoleArn: arn, Auth: [], VpcSubnetIds: [subnet-1]}
  Targets:
    Type: AWS::RDS::DBProxyTargetGroup
    Properties:
      DBProxyName: !Ref Proxy
      TargetGroupName: default
      ${target}
`;
const sam = (body: string) => `Transform: AWS::Serverless-2016-10-31\nResources:\n${body}`;

testRule(rule, {
  valid: [
    { name: 'through the proxy endpoint', template: sam(fn('          DB_HOST: !GetAtt Proxy.Endpoint\n') + db + proxy('DBInstanceIdentifiers: [!Ref Db]')) },
    { name: 'outside a VPC', template: sam(fn('          DB_HOST: !GetAtt Db.Endpoint.Address\n', '') + db) },
    { name: 'only the database identifier (for a policy)', template: sam(fn('          DB_ID: !Ref Db\n') + db) },
    { name: 'the Aurora Data API by cluster ARN', template: sam(fn('          CLUSTER_ARN: !GetAtt Cluster.DBClusterArn\n') + cluster(true)) },
    {
      name: 'an empty VpcConfig does not attach the function',
      template: sam(fn('          DB_HOST: !GetAtt Db.Endpoint.Address\n', '      VpcConfig: {SubnetIds: [], SecurityGroupIds: []}\n') + db),
    },
  ],
  invalid: [
    {
      name: 'the instance endpoint in an environment variable',
      template: sam(fn('          DB_HOST: «!GetAtt Db.Endpoint.Address»\n') + db),
      errors: [
        { messageId: 'noProxy', message: 'Reports runs in a VPC and connects to Db directly, without RDS Proxy', related: ['Db (AWS::RDS::DBInstance)'] },
      ],
    },
    {
      name: 'a cluster endpoint inside Fn::Sub',
      template: sam(fn('          DB_URL: «!Sub "postgres://${Cluster.Endpoint.Address}:5432/app"»\n') + cluster(false)),
      errors: [{ messageId: 'noProxy' }],
    },
    {
      name: 'bypassing an existing proxy',
      template: sam(fn('          DB_HOST: «!GetAtt Db.Endpoint.Address»\n') + db + proxy('DBInstanceIdentifiers: [!Ref Db]')),
      errors: [{ messageId: 'bypassesProxy', related: ['Db', 'RDS Proxy Proxy'] }],
    },
  ],
});
