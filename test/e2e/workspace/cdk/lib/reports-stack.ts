import { Duration, Size, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';

export class ReportsStack extends Stack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new lambda.Function(this, 'Reports', {
      runtime: lambda.Runtime.PYTHON_3_13,
      architecture: lambda.Architecture.ARM_64,
      handler: 'reports.handler',
      code: lambda.Code.fromAsset('src'),
      memorySize: 1024,
      timeout: Duration.minutes(20),
      ephemeralStorageSize: Size.mebibytes(scratchMb(process.env.REPORTS_STAGE)),
    });
  }
}

// Computed from the environment at synthesis: only the synthesized template (cdk.out) knows the value.
function scratchMb(stage = 'prod'): number {
  if (stage === 'prod') return 20 * 1024;
  return 512;
}
