import { describe, expect, it } from 'vitest';
import { IgnoreSyntaxError } from '../../../lib/drift/errors.js';
import { isIgnored, parseIgnore } from '../../../lib/drift/ignore.js';

describe('parseIgnore and isIgnored', () => {
  const rules = parseIgnore(
    [
      '# comment',
      'aws_ebs_volume.*',
      '!aws_ebs_volume.vol-keep',
      'aws_s3_bucket.my\\.bucket',
      'aws_instance.*.tags.LastPatched',
      '',
    ].join('\n'),
    '.driftignore',
  );
  it.each([
    ['aws_ebs_volume', 'vol-1', undefined, true],
    ['aws_ebs_volume', 'vol-keep', undefined, false],
    ['aws_ebs_volume', 'vol-1', 'size', true],
    ['aws_s3_bucket', 'my.bucket', undefined, true],
    ['aws_s3_bucket', 'myxbucket', undefined, false],
    ['aws_instance', 'i-1', undefined, false],
    ['aws_instance', 'i-1', 'tags.LastPatched', true],
    ['aws_instance', 'i-1', 'tags.Owner', false],
  ] as const)('%s.%s (%s) ignored: %s', (type, id, attribute, expected) => {
    expect(isIgnored(rules, type, id, attribute)).toBe(expected);
  });

  it('names the file and line of a malformed pattern', () => {
    expect(() => parseIgnore('ok.x\naws_instance..x', 'f')).toThrow(IgnoreSyntaxError);
    expect(() => parseIgnore('ok.x\naws_instance..x', 'f')).toThrow('f:2');
  });
});
