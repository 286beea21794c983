import { describe, expect, test } from 'vitest';
import { allRuntimes, cdkRuntimeMember, runtimeInfo, upgradeTarget } from '../../../src/core/data/runtimes.js';
import { runtimeName } from '../../../src/core/parse/cdk/constructs.js';
import rule from '../../../src/core/rules/lambda/deprecated-runtime.js';
import { testRule } from '../rule-tester.js';

// The tester's "today" is 2026-11-24; cases that need another day pin it with `config.now`.
const fn = (props: string, globals = '') => `Transform: AWS::Serverless-2016-10-31
${globals}Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
${props}`;
const on = (day: string) => ({ now: new Date(`${day}T00:00:00Z`) });

testRule(rule, {
  valid: [
    { name: 'a current runtime', template: fn('      Runtime: python3.13\n') },
    { name: 'deprecation more than six months away', template: fn('      Runtime: python3.12\n') },
    // Extended by AWS in 2026 to 2027-06-30: not deprecated, and more than six months away.
    { name: 'java17 (extended to 2027-06-30)', template: fn('      Runtime: java17\n') },
    { name: 'java11 (extended to 2027-06-30)', template: fn('      Runtime: java11\n') },
    { name: 'java8.al2 (extended to 2027-06-30)', template: fn('      Runtime: java8.al2\n') },
    { name: 'python3.11 (extended to 2027-06-30)', template: fn('      Runtime: python3.11\n') },
    { name: 'ruby4.0', template: fn('      Runtime: ruby4.0\n') },
    { name: 'python3.10 more than six months before its date', template: fn('      Runtime: python3.10\n'), config: on('2026-04-01') },
    {
      name: 'a container image has no managed runtime',
      template: fn('      PackageType: Image\n      ImageUri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1\n'),
    },
    { name: 'an unknown runtime is not guessed', template: fn('      Runtime: python9.9\n') },
  ],
  invalid: [
    {
      name: 'past its date, with both block dates ahead and the upgrade target',
      template: fn('      Runtime: «python3.9»\n'),
      errors: [
        {
          messageId: 'deprecated',
          message:
            'Runtime python3.9 was deprecated on 2025-12-15: AWS no longer patches it. AWS blocks creating functions on it from 2027-02-01 and updating them from 2027-03-03. Upgrade to python3.14.',
        },
      ],
    },
    {
      name: 'python3.10 (2026-10-31)',
      template: fn('      Runtime: «python3.10»\n'),
      errors: [{ messageId: 'deprecated', message: 'deprecated on 2026-10-31' }],
    },
    {
      name: 'provided.al2 (2026-07-31) moves to provided.al2023',
      template: fn('      Runtime: «provided.al2»\n'),
      errors: [{ messageId: 'deprecated', message: /deprecated on 2026-07-31: .* from 2027-02-01 .* from 2027-03-03\. Upgrade to provided\.al2023\.$/ }],
    },
    {
      name: 'dotnet6 (2024-12-20) moves to dotnet10',
      template: fn('      Runtime: «dotnet6»\n'),
      errors: [{ messageId: 'deprecated', message: /deprecated on 2024-12-20: .*Upgrade to dotnet10\.$/ }],
    },
    {
      name: 'nodejs18.x moves to nodejs24.x',
      template: fn('      Runtime: «nodejs18.x»\n'),
      errors: [{ messageId: 'deprecated', message: 'Upgrade to nodejs24.x.' }],
    },
    {
      name: 'creating already blocked',
      template: fn('      Runtime: «java8»\n'),
      errors: [
        { messageId: 'deprecated', message: 'AWS already blocks creating functions on it and blocks updating them from 2027-03-03. Upgrade to java25.' },
      ],
    },
    {
      name: 'go1.x moves to provided.al2023 and says the code must be a bootstrap binary',
      template: fn('      Runtime: «go1.x»\n'),
      errors: [{ messageId: 'deprecated', message: 'Move to provided.al2023, which runs an executable named bootstrap: build the code as a bootstrap binary' }],
    },
    {
      name: 'dotnetcore1.0 (2019-06-27)',
      template: fn('      Runtime: «dotnetcore1.0»\n'),
      errors: [{ messageId: 'deprecated', message: 'deprecated on 2019-06-27' }],
    },
    {
      name: 'legacy nodejs (2016-08-30)',
      template: fn('      Runtime: «nodejs»\n'),
      errors: [{ messageId: 'deprecated', message: 'deprecated on 2016-08-30' }],
    },
    {
      name: 'after the block-create date',
      template: fn('      Runtime: «python3.9»\n'),
      config: on('2027-02-15'),
      errors: [{ messageId: 'deprecated', message: 'AWS has blocked creating functions on it since 2027-02-01 and blocks updating them from 2027-03-03.' }],
    },
    {
      name: 'after both block dates',
      template: fn('      Runtime: «python3.9»\n'),
      config: on('2027-04-01'),
      errors: [
        { messageId: 'deprecated', message: 'AWS has blocked creating functions on it since 2027-02-01 and has blocked updating them since 2027-03-03.' },
      ],
    },
    {
      name: 'within six months is information, with the upgrade target',
      template: fn('      Runtime: «ruby3.3»\n'),
      errors: [
        {
          messageId: 'soon',
          severity: 'info',
          message: 'Runtime ruby3.3 will be deprecated on 2027-03-31 (in 127 days), when AWS stops patching it. Upgrade to ruby4.0.',
        },
      ],
    },
    {
      name: 'the day before its date is information',
      template: fn('      Runtime: «python3.10»\n'),
      config: on('2026-10-30'),
      errors: [{ messageId: 'soon', severity: 'info', message: 'will be deprecated on 2026-10-31 (in 1 day)' }],
    },
    { name: 'on its date it is deprecated', template: fn('      Runtime: «python3.10»\n'), config: on('2026-10-31'), errors: [{ messageId: 'deprecated' }] },
    {
      name: 'java11 within six months of 2027-06-30 is information, not "deprecated"',
      template: fn('      Runtime: «java11»\n'),
      config: on('2027-01-15'),
      errors: [{ messageId: 'soon', severity: 'info', message: 'from 2027-07-31 and updating them from 2027-08-31. Upgrade to java25.' }],
    },
    {
      name: 'inherited from Globals',
      template: fn('      Handler: app.handler\n', 'Globals:\n  Function:\n    Runtime: nodejs18.x\n').replace('  Fn:', '  «Fn»:'),
      errors: [{ messageId: 'deprecated', related: ['Globals'] }],
    },
  ],
});

describe('the runtime table', () => {
  const now = new Date('2026-11-30T00:00:00Z');
  test.each([
    ['python3.9', 'python3.14'],
    ['nodejs18.x', 'nodejs24.x'],
    ['java11', 'java25'],
    ['provided.al2', 'provided.al2023'],
    ['dotnet6', 'dotnet10'],
    ['go1.x', 'provided.al2023'],
    ['ruby3.2', 'ruby4.0'],
    ['nodejs4.3-edge', 'nodejs24.x'],
  ])('%s upgrades to %s', (from, to) => {
    expect(upgradeTarget(from, now)?.id).toBe(to);
  });

  test('the newest runtime of a family has no upgrade target, nor does an unknown one', () => {
    expect(upgradeTarget('python3.14', now)).toBeUndefined();
    expect(upgradeTarget('cobol1.0', now)).toBeUndefined();
  });

  test('the target is the newest runtime not deprecated on the day asked', () => {
    // On 2029-07-01 every Python runtime in the table is deprecated: none is offered.
    expect(upgradeTarget('python3.9', new Date('2029-07-01T00:00:00Z'))).toBeUndefined();
  });

  test('every date is an ISO day, block dates follow the deprecation', () => {
    for (const info of allRuntimes()) {
      for (const date of [info.deprecation, info.blockCreate === 'passed' ? undefined : info.blockCreate, info.blockUpdate]) {
        if (date !== undefined) expect(date, info.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
      if (info.deprecation && info.blockCreate && info.blockCreate !== 'passed') expect(info.blockCreate > info.deprecation, info.id).toBe(true);
      if (info.blockCreate && info.blockCreate !== 'passed' && info.blockUpdate) expect(info.blockUpdate > info.blockCreate, info.id).toBe(true);
    }
    expect(runtimeInfo('ruby4.0')?.deprecation).toBe('2029-03-31');
  });

  test('the CDK member of every upgrade target reads back as that runtime', () => {
    const targets = new Set(allRuntimes().flatMap((info) => upgradeTarget(info.id, now)?.id ?? []));
    expect(targets.size).toBeGreaterThanOrEqual(6);
    for (const id of targets) expect(runtimeName(cdkRuntimeMember(id)), id).toBe(id);
    expect(cdkRuntimeMember('python3.14')).toBe('PYTHON_3_14');
    expect(cdkRuntimeMember('nodejs24.x')).toBe('NODEJS_24_X');
    expect(cdkRuntimeMember('provided.al2023')).toBe('PROVIDED_AL2023');
    expect(cdkRuntimeMember('java25')).toBe('JAVA_25');
  });
});
