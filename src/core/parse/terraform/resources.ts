/**
 * Which Terraform resources Crossover reads, and what each attribute is in CloudFormation's words: the reader
 * turns a folder into a "virtual template" (translate.ts) so the rules, costs and views work on it unchanged, and
 * the fixes go back from a CloudFormation property to the Terraform attribute (edit.ts). One table, both ways.
 *
 * Defaults are the provider's (memory 128 MB, timeout 3 s, x86_64 for aws_lambda_function), the same as
 * CloudFormation's, so the builder's defaults apply as they are.
 */

/** An attribute: its CloudFormation name, or a nested block's mapping. */
export type AttributeMap = Record<string, string | BlockMap>;

export interface BlockMap {
  cfn: string;
  /** The block's own attributes. */
  attributes: AttributeMap;
  /** A block written several times (`load_balancer { }` twice): a list in CloudFormation. */
  repeated?: boolean;
  /** The block's attributes go one level further down in CloudFormation (`network_configuration` -> `AwsvpcConfiguration`). */
  inside?: string;
}

export interface ResourceMap {
  type: string;
  attributes: AttributeMap;
}

const LAMBDA_FUNCTION: ResourceMap = {
  type: 'AWS::Lambda::Function',
  attributes: {
    function_name: 'FunctionName',
    memory_size: 'MemorySize',
    timeout: 'Timeout',
    runtime: 'Runtime',
    handler: 'Handler',
    architectures: 'Architectures',
    package_type: 'PackageType',
    reserved_concurrent_executions: 'ReservedConcurrentExecutions',
    layers: 'Layers',
    role: 'Role',
    ephemeral_storage: { cfn: 'EphemeralStorage', attributes: { size: 'Size' } },
    vpc_config: { cfn: 'VpcConfig', attributes: { subnet_ids: 'SubnetIds', security_group_ids: 'SecurityGroupIds' } },
    environment: { cfn: 'Environment', attributes: { variables: 'Variables' } },
    image_config: { cfn: 'ImageConfig', attributes: { command: 'Command', entry_point: 'EntryPoint', working_directory: 'WorkingDirectory' } },
    snap_start: { cfn: 'SnapStart', attributes: { apply_on: 'ApplyOn' } },
    tracing_config: { cfn: 'TracingConfig', attributes: { mode: 'Mode' } },
    dead_letter_config: { cfn: 'DeadLetterConfig', attributes: { target_arn: 'TargetArn' } },
  },
};

export const RESOURCE_MAPS: Record<string, ResourceMap> = {
  aws_lambda_function: LAMBDA_FUNCTION,
  aws_lambda_alias: { type: 'AWS::Lambda::Alias', attributes: { function_name: 'FunctionName', name: 'Name', function_version: 'FunctionVersion' } },
  aws_lambda_provisioned_concurrency_config: {
    type: 'AWS::Lambda::Version',
    attributes: {
      function_name: 'FunctionName',
      qualifier: 'Description',
      provisioned_concurrent_executions: 'ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions',
    },
  },
  aws_lambda_event_source_mapping: {
    type: 'AWS::Lambda::EventSourceMapping',
    attributes: {
      function_name: 'FunctionName',
      event_source_arn: 'EventSourceArn',
      batch_size: 'BatchSize',
      maximum_batching_window_in_seconds: 'MaximumBatchingWindowInSeconds',
      starting_position: 'StartingPosition',
      enabled: 'Enabled',
      function_response_types: 'FunctionResponseTypes',
      queues: 'Queues',
      topics: 'Topics',
      parallelization_factor: 'ParallelizationFactor',
      scaling_config: { cfn: 'ScalingConfig', attributes: { maximum_concurrency: 'MaximumConcurrency' } },
      self_managed_event_source: { cfn: 'SelfManagedEventSource', attributes: { endpoints: 'Endpoints' } },
    },
  },
  aws_lambda_function_url: {
    type: 'AWS::Lambda::Url',
    attributes: { function_name: 'TargetFunctionArn', authorization_type: 'AuthType', invoke_mode: 'InvokeMode' },
  },
  aws_lambda_permission: {
    type: 'AWS::Lambda::Permission',
    attributes: { function_name: 'FunctionName', principal: 'Principal', source_arn: 'SourceArn', action: 'Action' },
  },
  aws_api_gateway_rest_api: {
    type: 'AWS::ApiGateway::RestApi',
    attributes: { name: 'Name', endpoint_configuration: { cfn: 'EndpointConfiguration', attributes: { types: 'Types' } } },
  },
  aws_api_gateway_integration: {
    type: 'AWS::ApiGateway::Method',
    attributes: {
      rest_api_id: 'RestApiId',
      resource_id: 'ResourceId',
      http_method: 'HttpMethod',
      type: 'Integration.Type',
      uri: 'Integration.Uri',
      integration_http_method: 'Integration.IntegrationHttpMethod',
      timeout_milliseconds: 'Integration.TimeoutInMillis',
    },
  },
  aws_apigatewayv2_api: { type: 'AWS::ApiGatewayV2::Api', attributes: { name: 'Name', protocol_type: 'ProtocolType', target: 'Target' } },
  aws_apigatewayv2_integration: {
    type: 'AWS::ApiGatewayV2::Integration',
    attributes: {
      api_id: 'ApiId',
      integration_type: 'IntegrationType',
      integration_uri: 'IntegrationUri',
      timeout_milliseconds: 'TimeoutInMillis',
      payload_format_version: 'PayloadFormatVersion',
    },
  },
  aws_lb_target_group: {
    type: 'AWS::ElasticLoadBalancingV2::TargetGroup',
    attributes: { name: 'Name', target_type: 'TargetType', port: 'Port', protocol: 'Protocol' },
  },
  aws_alb_target_group: {
    type: 'AWS::ElasticLoadBalancingV2::TargetGroup',
    attributes: { name: 'Name', target_type: 'TargetType', port: 'Port', protocol: 'Protocol' },
  },
  aws_lb: { type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', attributes: { name: 'Name', load_balancer_type: 'Type' } },
  aws_alb: { type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', attributes: { name: 'Name', load_balancer_type: 'Type' } },
  aws_sqs_queue: {
    type: 'AWS::SQS::Queue',
    attributes: {
      name: 'QueueName',
      visibility_timeout_seconds: 'VisibilityTimeout',
      fifo_queue: 'FifoQueue',
      message_retention_seconds: 'MessageRetentionPeriod',
      delay_seconds: 'DelaySeconds',
      receive_wait_time_seconds: 'ReceiveMessageWaitTimeSeconds',
      redrive_policy: 'RedrivePolicy',
    },
  },
  aws_sns_topic: { type: 'AWS::SNS::Topic', attributes: { name: 'TopicName' } },
  aws_sns_topic_subscription: { type: 'AWS::SNS::Subscription', attributes: { topic_arn: 'TopicArn', protocol: 'Protocol', endpoint: 'Endpoint' } },
  aws_cloudwatch_event_rule: {
    type: 'AWS::Events::Rule',
    attributes: { name: 'Name', schedule_expression: 'ScheduleExpression', event_pattern: 'EventPattern' },
  },
  aws_kinesis_stream: { type: 'AWS::Kinesis::Stream', attributes: { name: 'Name', shard_count: 'ShardCount' } },
  aws_dynamodb_table: { type: 'AWS::DynamoDB::Table', attributes: { name: 'TableName', billing_mode: 'BillingMode' } },
  aws_msk_cluster: { type: 'AWS::MSK::Cluster', attributes: { cluster_name: 'ClusterName' } },
  aws_msk_serverless_cluster: { type: 'AWS::MSK::ServerlessCluster', attributes: { cluster_name: 'ClusterName' } },
  aws_mq_broker: { type: 'AWS::AmazonMQ::Broker', attributes: { broker_name: 'BrokerName', engine_type: 'EngineType' } },
  aws_s3_bucket: { type: 'AWS::S3::Bucket', attributes: { bucket: 'BucketName' } },
  aws_db_instance: {
    type: 'AWS::RDS::DBInstance',
    attributes: {
      identifier: 'DBInstanceIdentifier',
      engine: 'Engine',
      engine_version: 'EngineVersion',
      instance_class: 'DBInstanceClass',
      multi_az: 'MultiAZ',
    },
  },
  aws_rds_cluster: {
    type: 'AWS::RDS::DBCluster',
    attributes: {
      cluster_identifier: 'DBClusterIdentifier',
      engine: 'Engine',
      engine_mode: 'EngineMode',
      engine_version: 'EngineVersion',
      serverlessv2_scaling_configuration: { cfn: 'ServerlessV2ScalingConfiguration', attributes: { min_capacity: 'MinCapacity', max_capacity: 'MaxCapacity' } },
    },
  },
  aws_db_proxy: { type: 'AWS::RDS::DBProxy', attributes: { name: 'DBProxyName', engine_family: 'EngineFamily', require_tls: 'RequireTLS' } },
  aws_ecs_cluster: { type: 'AWS::ECS::Cluster', attributes: { name: 'ClusterName' } },
  aws_ecs_task_definition: {
    type: 'AWS::ECS::TaskDefinition',
    attributes: {
      family: 'Family',
      cpu: 'Cpu',
      memory: 'Memory',
      requires_compatibilities: 'RequiresCompatibilities',
      network_mode: 'NetworkMode',
      container_definitions: 'ContainerDefinitions',
      ephemeral_storage: { cfn: 'EphemeralStorage', attributes: { size_in_gib: 'SizeInGiB' } },
      runtime_platform: { cfn: 'RuntimePlatform', attributes: { cpu_architecture: 'CpuArchitecture', operating_system_family: 'OperatingSystemFamily' } },
    },
  },
  aws_ecs_service: {
    type: 'AWS::ECS::Service',
    attributes: {
      name: 'ServiceName',
      cluster: 'Cluster',
      task_definition: 'TaskDefinition',
      desired_count: 'DesiredCount',
      launch_type: 'LaunchType',
      health_check_grace_period_seconds: 'HealthCheckGracePeriodSeconds',
      capacity_provider_strategy: {
        cfn: 'CapacityProviderStrategy',
        repeated: true,
        attributes: { capacity_provider: 'CapacityProvider', weight: 'Weight', base: 'Base' },
      },
      load_balancer: {
        cfn: 'LoadBalancers',
        repeated: true,
        attributes: { target_group_arn: 'TargetGroupArn', container_name: 'ContainerName', container_port: 'ContainerPort' },
      },
      network_configuration: {
        cfn: 'NetworkConfiguration',
        inside: 'AwsvpcConfiguration',
        attributes: { subnets: 'Subnets', security_groups: 'SecurityGroups', assign_public_ip: 'AssignPublicIp' },
      },
      deployment_circuit_breaker: {
        cfn: 'DeploymentConfiguration',
        inside: 'DeploymentCircuitBreaker',
        attributes: { enable: 'Enable', rollback: 'Rollback' },
      },
    },
  },
  aws_appautoscaling_target: {
    type: 'AWS::ApplicationAutoScaling::ScalableTarget',
    attributes: {
      resource_id: 'ResourceId',
      min_capacity: 'MinCapacity',
      max_capacity: 'MaxCapacity',
      scalable_dimension: 'ScalableDimension',
      service_namespace: 'ServiceNamespace',
    },
  },
  aws_appautoscaling_policy: {
    type: 'AWS::ApplicationAutoScaling::ScalingPolicy',
    attributes: {
      name: 'PolicyName',
      policy_type: 'PolicyType',
      resource_id: 'ResourceId',
      target_tracking_scaling_policy_configuration: {
        cfn: 'TargetTrackingScalingPolicyConfiguration',
        attributes: { target_value: 'TargetValue', scale_in_cooldown: 'ScaleInCooldown', scale_out_cooldown: 'ScaleOutCooldown' },
      },
    },
  },
  aws_eks_cluster: { type: 'AWS::EKS::Cluster', attributes: { name: 'Name', version: 'Version' } },
  aws_eks_node_group: {
    type: 'AWS::EKS::Nodegroup',
    attributes: {
      cluster_name: 'ClusterName',
      node_group_name: 'NodegroupName',
      instance_types: 'InstanceTypes',
      capacity_type: 'CapacityType',
      ami_type: 'AmiType',
      disk_size: 'DiskSize',
      scaling_config: { cfn: 'ScalingConfig', attributes: { min_size: 'MinSize', max_size: 'MaxSize', desired_size: 'DesiredSize' } },
    },
  },
  aws_eks_fargate_profile: { type: 'AWS::EKS::FargateProfile', attributes: { cluster_name: 'ClusterName', fargate_profile_name: 'FargateProfileName' } },
  aws_nat_gateway: { type: 'AWS::EC2::NatGateway', attributes: { subnet_id: 'SubnetId', connectivity_type: 'ConnectivityType' } },
  aws_apprunner_service: { type: 'AWS::AppRunner::Service', attributes: { service_name: 'ServiceName' } },
};

/**
 * The Terraform attribute path for CloudFormation keys below `Properties` (`['EphemeralStorage', 'Size']` ->
 * `['ephemeral_storage', 'size']`, the first a block), or undefined when the table has none.
 */
export function tfPathOf(tfType: string, cfnKeys: readonly string[]): { path: string[]; blocks: number } | undefined {
  const search = (attributes: AttributeMap, keys: readonly string[]): { path: string[]; blocks: number } | undefined => {
    if (keys.length === 0) return { path: [], blocks: 0 };
    for (const [name, mapped] of Object.entries(attributes)) {
      if (typeof mapped === 'string') {
        const parts = mapped.split('.');
        if (parts.length === keys.length && parts.every((p, i) => p === keys[i])) return { path: [name], blocks: 0 };
        continue;
      }
      if (mapped.repeated) continue;
      const head = mapped.inside ? [mapped.cfn, mapped.inside] : [mapped.cfn];
      if (head.every((h, i) => keys[i] === h)) {
        const inner = search(mapped.attributes, keys.slice(head.length));
        if (inner && inner.path.length > 0) return { path: [name, ...inner.path], blocks: inner.blocks + 1 };
      }
    }
    return undefined;
  };
  const map = RESOURCE_MAPS[tfType];
  return map ? search(map.attributes, cfnKeys) : undefined;
}
