import { describe, expect, it } from 'vitest';
import {
  mergeScanRecord,
  parseScanRecord,
  renderScanRecord,
} from '../../../lib/trail/scan-record.js';

describe('Module: scan-record', () => {
  it('keeps scopes of earlier scans and overwrites the ones scanned now, sorted', () => {
    const merged = mergeScanRecord(
      {
        version: 1,
        format: 1,
        scopes: { 'aws/1/b/ec2/vpc': { complete: true }, 'aws/1/a/ec2/vpc': { complete: true } },
      },
      [
        { scope: 'aws/1/a/ec2/vpc', complete: false },
        { scope: 'aws/1/0/ec2/vpc', complete: true },
      ],
      2,
    );
    expect(merged.format).toBe(2);
    expect(Object.keys(merged.scopes)).toEqual([
      'aws/1/0/ec2/vpc',
      'aws/1/a/ec2/vpc',
      'aws/1/b/ec2/vpc',
    ]);
    expect(merged.scopes['aws/1/a/ec2/vpc']).toEqual({ complete: false });
  });

  it('renders the same bytes for the same scopes, without timestamps', () => {
    const record = mergeScanRecord(null, [{ scope: 's', complete: true }], 2);
    const text = new TextDecoder().decode(renderScanRecord(record));
    expect(text).toBe(
      '{\n  "version": 1,\n  "format": 2,\n  "scopes": {\n    "s": {\n      "complete": true\n    }\n  }\n}\n',
    );
    expect(renderScanRecord(mergeScanRecord(record, [{ scope: 's', complete: true }], 2))).toEqual(
      renderScanRecord(record),
    );
  });

  it('reads a missing or unreadable record as none', () => {
    expect(parseScanRecord(null)).toBeNull();
    expect(parseScanRecord(new TextEncoder().encode('{not json'))).toBeNull();
    expect(parseScanRecord(new TextEncoder().encode('{"version":2,"scopes":{}}'))).toBeNull();
  });
});
