import { describe, expect, it } from 'vitest';
import { awsEndpoint, partitionOf } from '../src/endpoints.ts';

describe('AWS partitions', () => {
  it('picks the partition by the region pattern; an unknown region is aws', () => {
    const cases: [string, string][] = [
      ['us-east-1', 'aws'],
      ['il-central-1', 'aws'],
      ['cn-north-1', 'aws-cn'],
      ['cn-northwest-1', 'aws-cn'],
      ['us-gov-west-1', 'aws-us-gov'],
      ['us-iso-east-1', 'aws-iso'],
      ['us-isob-east-1', 'aws-iso-b'],
      ['eu-isoe-west-1', 'aws-iso-e'],
      ['us-isof-south-1', 'aws-iso-f'],
      ['eusc-de-east-1', 'aws-eusc'],
      ['mars-base-7', 'aws'],
    ];
    expect(cases.map(([r]) => [r, partitionOf(r).id])).toEqual(cases);
  });

  it('fills the pattern in the partition: .amazonaws.com → the dnsSuffix, .api.aws → the dual-stack suffix', () => {
    const dx = 'https://directconnect.{region}.amazonaws.com';
    expect(awsEndpoint(dx, 'cn-north-1')).toBe('https://directconnect.cn-north-1.amazonaws.com.cn');
    expect(awsEndpoint(dx, 'us-east-1')).toBe('https://directconnect.us-east-1.amazonaws.com');
    expect(awsEndpoint(dx, 'us-gov-west-1')).toBe('https://directconnect.us-gov-west-1.amazonaws.com');
    expect(awsEndpoint(dx, 'us-iso-east-1')).toBe('https://directconnect.us-iso-east-1.c2s.ic.gov');
    expect(awsEndpoint('https://odb.{region}.api.aws', 'cn-northwest-1')).toBe('https://odb.cn-northwest-1.api.amazonwebservices.com.cn');
    expect(awsEndpoint('https://odb.{region}.api.aws/', 'eu-west-1')).toBe('https://odb.eu-west-1.api.aws/');
    // Only a host's suffix: a service's own domain, or the suffix in a path, stays as written.
    expect(awsEndpoint('https://x.{region}.example.com/amazonaws.com', 'cn-north-1')).toBe('https://x.cn-north-1.example.com/amazonaws.com');
    expect(awsEndpoint('https://x.{region}.amazonaws.com:8443/p', 'cn-north-1')).toBe('https://x.cn-north-1.amazonaws.com.cn:8443/p');
  });
});
