/** Task definition JSON (ECS API form) and CloudFormation ECS fragments for the ECS rule tests. */
export function taskJson(
  fields: string,
  containers = '{"name": "app", "image": "<IMAGE>", "essential": true, "healthCheck": {"command": ["CMD-SHELL", "true"]}}',
): string {
  return `{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",
${fields}
  "containerDefinitions": [${containers}]
}
`;
}

export function serviceTemplate(service: string, extra = ''): string {
  return `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Cpu: '512'
      Memory: '1024'
      ContainerDefinitions:
        - Name: app
          Image: nginx
          HealthCheck: {Command: [CMD-SHELL, 'true']}
  Service:
    Type: AWS::ECS::Service
    Properties:
      TaskDefinition: !Ref Task
      LaunchType: FARGATE
${service}${extra}`;
}
