import { Duration } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';

export interface OrdersServiceProps {
  readonly memory: number;
}

/** A construct library class of the app: the shop stack makes it three times. */
export class OrdersService extends Construct {
  constructor(scope: Construct, id: string, props: OrdersServiceProps) {
    super(scope, id);
    new lambda.Function(this, 'Handler', {
      runtime: lambda.Runtime.PYTHON_3_13,
      handler: 'orders.handler',
      code: lambda.Code.fromAsset('src'),
      memorySize: props.memory,
      timeout: Duration.seconds(10),
    });
  }
}
