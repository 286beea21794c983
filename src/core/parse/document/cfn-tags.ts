/** CloudFormation's YAML short-form tags and the long-form key each one stands for. */
export const CFN_SHORT_TAGS: ReadonlyMap<string, string> = new Map(
  [
    ['Ref', 'Ref'],
    ['Condition', 'Condition'],
    ...[
      'And',
      'Base64',
      'Cidr',
      'Equals',
      'FindInMap',
      'GetAtt',
      'GetAZs',
      'If',
      'ImportValue',
      'Join',
      'Length',
      'Not',
      'Or',
      'Select',
      'Split',
      'Sub',
      'ToJsonString',
      'Transform',
      'ForEach',
    ].map((name) => [name, `Fn::${name}`] as [string, string]),
  ].map(([tag, key]) => [`!${tag}`, key] as [string, string]),
);
