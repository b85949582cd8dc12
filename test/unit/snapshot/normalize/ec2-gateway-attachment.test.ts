import { describe, expect, it } from 'vitest';
import {
  dropGatewayAttachmentStates,
  sortGatewayAttachments,
} from '../../../../lib/snapshot/normalize/ec2-gateway-attachment.js';
import { deepFreeze, resourceOf } from './fixtures.js';

describe('Function: dropGatewayAttachmentStates', () => {
  it.each([
    [
      'drops the attachment state and keeps the VPC',
      { Attachments: [{ State: 'available', VpcId: 'vpc-1' }] },
      { Attachments: [{ VpcId: 'vpc-1' }] },
    ],
    ['keeps an unattached gateway as it is', { Attachments: [] }, { Attachments: [] }],
  ])('%s', (_name, configuration, expected) => {
    const output = dropGatewayAttachmentStates(
      deepFreeze(resourceOf('AWS::EC2::InternetGateway', configuration)),
    );
    expect(output.configuration).toStrictEqual(expected);
  });
});

describe('Function: sortGatewayAttachments', () => {
  it.each([
    [
      'sorts attachments by VPC id',
      { Attachments: [{ VpcId: 'vpc-2' }, { VpcId: 'vpc-1' }] },
      { Attachments: [{ VpcId: 'vpc-1' }, { VpcId: 'vpc-2' }] },
    ],
  ])('%s', (_name, configuration, expected) => {
    const output = sortGatewayAttachments(
      deepFreeze(resourceOf('AWS::EC2::EgressOnlyInternetGateway', configuration)),
    );
    expect(output.configuration).toStrictEqual(expected);
  });
});
