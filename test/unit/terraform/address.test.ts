import { describe, expect, it } from 'vitest';
import { instanceAddress, keyString } from '../../../lib/terraform/address.js';

describe('instanceAddress', () => {
  it.each([
    [undefined, ''],
    [0, '[0]'],
    [12, '[12]'],
    ['b', '["b"]'],
    ['', '[""]'],
    ['a"b', '["a\\"b"]'],
    ['back\\slash', '["back\\\\slash"]'],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: HCL template introducers, doubled by Terraform
    ['${x} and %{y} but $z', '["$${x} and %%{y} but $z"]'],
    ['line\nbreak\ttab\rcr', '["line\\nbreak\\ttab\\rcr"]'],
    ['bell\u0007', '["bell\\u0007"]'],
    ['zone é 東京', '["zone é 東京"]'],
  ])('prints key %j as %s', (key, expected) => {
    expect(keyString(key)).toBe(expected);
  });

  it('joins module, type, name, key and deposed key', () => {
    expect(instanceAddress('module.a["k"].module.b[0]', 'aws_x', 'name', 0)).toBe(
      'module.a["k"].module.b[0].aws_x.name[0]',
    );
    expect(instanceAddress(undefined, 'aws_vpc', 'main', undefined, 'abcd1234')).toBe(
      'aws_vpc.main (deposed abcd1234)',
    );
  });
});
