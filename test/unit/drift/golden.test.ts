import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeDrift } from '../../../lib/drift/engine.js';
import { parseIgnore } from '../../../lib/drift/ignore.js';
import { renderConsole } from '../../../lib/drift/render/console.js';
import { renderJson } from '../../../lib/drift/render/json.js';
import { renderMarkdown } from '../../../lib/drift/render/markdown.js';
import { DriftReport } from '../../../lib/drift/schema.js';
import { Resource, ScopeStatus } from '../../../lib/model/schema.js';
import type { StateInstance } from '../../../lib/terraform/state-instance.js';

const ROOT = join(import.meta.dirname, '../../fixtures/drift');
const NOW = new Date('2026-11-22T10:00:00Z');
const read = (dir: string, file: string): unknown =>
  JSON.parse(readFileSync(join(ROOT, dir, file), 'utf8'));

function run(dir: string) {
  const ignorePath = join(ROOT, dir, 'driftignore');
  const ignore = existsSync(ignorePath)
    ? parseIgnore(readFileSync(ignorePath, 'utf8'), `${dir}/driftignore`)
    : undefined;
  return computeDrift({
    resources: Resource.array().parse(read(dir, 'resources.json')),
    instances: read(dir, 'instances.json') as StateInstance[],
    scopes: ScopeStatus.array().parse(read(dir, 'scopes.json')),
    ...(ignore ? { ignore } : {}),
    now: NOW,
  });
}

describe('computeDrift golden cases', () => {
  for (const dir of readdirSync(ROOT).sort()) {
    it(`gives the expected report for ${dir}`, () => {
      const report = run(dir);
      expect(DriftReport.parse(report)).toEqual(report);
      // Each scope's counts add up to the summary's: every resource is counted in its own scope.
      for (const kind of ['managed', 'unmanaged', 'missing'] as const) {
        const sum = report.scopes.reduce((total, scope) => total + (scope[kind] ?? 0), 0);
        expect(sum, kind).toBe(report.summary[kind]);
      }
      const json = renderJson(report);
      const expectedPath = join(ROOT, dir, 'expected.json');
      if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(expectedPath, json);
      expect(json).toBe(readFileSync(expectedPath, 'utf8'));
      // Renders never carry a masked value, nor any attribute outside the allowlists.
      for (const text of [json, renderMarkdown(report), renderConsole(report, { isTTY: false })]) {
        expect(text).not.toContain('(sensitive)');
        expect(text).not.toContain('CANARY');
      }
    });
  }

  it('is deterministic: input order does not change the bytes', () => {
    const dir = 'sg-rule-forms';
    const resources = Resource.array().parse(read(dir, 'resources.json'));
    const instances = read(dir, 'instances.json') as StateInstance[];
    const scopes = ScopeStatus.array().parse(read(dir, 'scopes.json'));
    const forward = computeDrift({ resources, instances, scopes, now: NOW });
    const backward = computeDrift({
      resources: [...resources].reverse(),
      instances: [...instances].reverse(),
      scopes: [...scopes].reverse(),
      now: NOW,
    });
    expect(renderJson(backward)).toBe(renderJson(forward));
  });
});
