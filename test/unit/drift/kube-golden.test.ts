import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeDrift } from '../../../lib/drift/engine.js';
import { renderConsole } from '../../../lib/drift/render/console.js';
import { renderJson } from '../../../lib/drift/render/json.js';
import { renderMarkdown } from '../../../lib/drift/render/markdown.js';
import { DriftReport } from '../../../lib/drift/schema.js';
import { parseState } from '../../../lib/terraform/parse-state.js';
import type { StateScopeHint } from '../../../lib/terraform/state-instance.js';
import { readSnapshot } from '../../../lib/trail/read-snapshot.js';

/**
 * Kubernetes golden cases: `snapshot/` is a trail checkout (canonical files, as a scan writes
 * them), `*.tfstate` are v4 states, `hints.json` the config's `cluster:` per state file.
 */
const ROOT = join(import.meta.dirname, '../../fixtures/drift-kube');
const NOW = new Date('2026-11-22T10:00:00Z');
const CANARY = 'CANARY-k8s-secret-value-4f1c';

async function run(dir: string) {
  const base = join(ROOT, dir);
  const hintsPath = join(base, 'hints.json');
  const hints: Record<string, StateScopeHint> = existsSync(hintsPath)
    ? JSON.parse(readFileSync(hintsPath, 'utf8'))
    : {};
  const states = readdirSync(base)
    .filter((name) => name.endsWith('.tfstate'))
    .sort()
    .map((name) => parseState(readFileSync(join(base, name), 'utf8'), name, hints[name]));
  const snapshot = await readSnapshot(join(base, 'snapshot'));
  expect(snapshot.errors).toEqual([]);
  return computeDrift({
    resources: snapshot.resources,
    kubeRecords: snapshot.kubeRecords,
    instances: states.flatMap((state) => state.instances),
    scopes: snapshot.scopes,
    now: NOW,
  });
}

describe('computeDrift Kubernetes golden cases', () => {
  for (const dir of readdirSync(ROOT).sort()) {
    it(`gives the expected report for ${dir}`, async () => {
      const report = await run(dir);
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
      const canary64 = Buffer.from(CANARY).toString('base64');
      for (const text of [json, renderMarkdown(report), renderConsole(report, { isTTY: false })]) {
        expect(text).not.toContain('(sensitive)');
        expect(text).not.toContain(CANARY);
        expect(text).not.toContain(canary64);
      }
    });
  }
});
