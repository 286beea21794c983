/** Is this a CDK app source at all? A cheap text test, run before any TypeScript is parsed. */
export function mentionsCdk(text: string): boolean {
  return /['"](aws-cdk-lib|@aws-cdk\/[a-z0-9-]+)(\/[a-z0-9-]+)?['"]/.test(text);
}

/** Is this Python file a CDK app at all? A cheap text test, run before any parsing. */
export function mentionsCdkPython(text: string): boolean {
  return /^[ \t]*(from|import)[ \t]+aws_cdk\b/m.test(text);
}
