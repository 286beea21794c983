/**
 * Amazon ECS Express Mode: one call creates an ECS service on Fargate behind an Application Load Balancer with auto
 * scaling, at no charge beyond Fargate, the load balancer and networking (facts-2026-11.md; prices.json global
 * `ecs.expressMode.surcharge` = 0). Priced as the Fargate fleet of ecs-fargate.ts with an ALB always: Express Mode
 * creates an ALB-fronted service even where the function has no HTTP front door.
 */
import { type Scenario } from '../model.js';
import { ecsFargatePlatform, fargateCost, type FargateCost } from './ecs-fargate.js';
import { type Platform } from './types.js';

/** The scenario as Express Mode runs it: on-demand Fargate tasks behind an ALB. */
const asExpress = (s: Scenario): Scenario => ({ ...s, fargate: { ...s.fargate, loadBalancer: 'alb', spot: false } });

export const ecsExpressPlatform: Platform<FargateCost> = {
  id: 'ecs-express',
  label: 'ECS Express Mode',
  cost: (s, prices) => ({ ...fargateCost(asExpress(s), prices), platform: 'ecs-express' }),
  curve: (s, prices) => ecsFargatePlatform.curve(asExpress(s), prices),
  assumptions: (s) => [
    { name: 'Service', value: 'an ECS service on Fargate (on-demand) with auto scaling, as the Fargate side: no charge for Express Mode itself' },
    {
      name: 'Load balancer',
      value:
        s.fargate.loadBalancer === 'alb'
          ? 'an Application Load Balancer, as on the Fargate side'
          : 'an Application Load Balancer (Express Mode creates one for every service, though the Fargate side has none)',
    },
  ],
};
