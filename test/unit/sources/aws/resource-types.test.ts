import { describe, expect, it } from 'vitest';
import { AwsService } from '../../../../lib/model/schema.js';
import { collectorsFor } from '../../../../lib/sources/aws/registry.js';
import { RESOURCE_TYPES_BY_SERVICE } from '../../../../lib/sources/aws/resource-types.js';

describe('RESOURCE_TYPES_BY_SERVICE', () => {
  it.each(AwsService.options)(
    'lists exactly the %s collectors of the registry, in order',
    (service) => {
      expect(RESOURCE_TYPES_BY_SERVICE[service]).toEqual(
        collectorsFor(service).map((collector) => collector.resourceType),
      );
    },
  );
});
