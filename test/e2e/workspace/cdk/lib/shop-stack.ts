import { Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { OrdersService } from './orders-service';

export class ShopStack extends Stack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new OrdersService(this, 'Dev', { memory: 512 });
    new OrdersService(this, 'Staging', { memory: 1024 });
    new OrdersService(this, 'Prod', { memory: 12000 });
  }
}
