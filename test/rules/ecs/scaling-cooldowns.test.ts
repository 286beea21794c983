import rule from '../../../src/core/rules/ecs/scaling-cooldowns.js';
import { testRule } from '../rule-tester.js';
import { serviceTemplate } from './helpers.js';

const breaker = '      DeploymentConfiguration: {DeploymentCircuitBreaker: {Enable: true, Rollback: true}}\n';

const scaling = (out: string, inn: string) => `  Target:
    Type: AWS::ApplicationAutoScaling::ScalableTarget
    Properties:
      ScalableDimension: ecs:service:DesiredCount
      ServiceNamespace: ecs
      ResourceId: !Join [/, [service, my-cluster, !GetAtt Service.Name]]
      MinCapacity: 2
      MaxCapacity: 10
  Policy:
    Type: AWS::ApplicationAutoScaling::ScalingPolicy
    Properties:
      PolicyName: cpu
      PolicyType: TargetTrackingScaling
      ScalingTargetId: !Ref Target
      TargetTrackingScalingPolicyConfiguration:
        TargetValue: 60
        PredefinedMetricSpecification: {PredefinedMetricType: ECSServiceAverageCPUUtilization}
        ScaleOutCooldown: ${out}
        ScaleInCooldown: ${inn}
`;

testRule(rule, {
  valid: [{ name: 'out faster than in', template: serviceTemplate(`      DesiredCount: 2\n${breaker}`, scaling('60', '300')) }],
  invalid: [
    {
      name: 'out slower than in',
      template: serviceTemplate(`      DesiredCount: 2\n${breaker}`, scaling('«600»', '60')),
      errors: [{ messageId: 'slowOut', message: 'Scale-out cooldown 600 s is longer than the scale-in cooldown 60 s of Policy' }],
    },
  ],
});
