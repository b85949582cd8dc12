import { acceptedFilePath } from '../drift/accept-file.js';
import { type CodeOf, codifySection } from './codify-section.js';
import type { DriftItem } from './drift-items.js';
import { codeSpan, hclString, md } from './markdown-text.js';

/** Bodies are cut here, well under GitHub's 65,536-character limit (room for the hidden hash). */
export const BODY_LIMIT = 60_000;

/** What a drift PR body shows. */
export interface PullBodyInput {
  readonly scope: string;
  readonly items: readonly DriftItem[];
  /** The trail repository's web address. */
  readonly repoUrl: string;
  /** The observation commit of an item, when known. */
  readonly commitOf: (item: DriftItem) => string | null;
  /** The Terraform that resolves an item (codify), shown in a collapsible section. */
  readonly codeOf?: CodeOf | undefined;
  /** Who changed an item's file, how and when (CloudTrail, managedFields), when attribution knows. */
  readonly changedBy?: ((item: DriftItem) => string | undefined) | undefined;
}

/** The drift PR's title. */
export function pullTitle(scope: string, count: number): string {
  return `statetrail: drift in ${scope} (${count} ${count === 1 ? 'finding' : 'findings'})`;
}

function commitLink(repoUrl: string, sha: string | null): string {
  return sha === null ? 'not recorded' : `[${sha.slice(0, 12)}](${repoUrl}/commit/${sha})`;
}

function valueCell(value: unknown): string {
  return value === undefined || value === null ? '-' : `<code>${md(value)}</code>`;
}

function section(item: DriftItem, input: PullBodyInput): string[] {
  const who = item.path ? input.changedBy?.(item) : undefined;
  const seen = `Observed in ${commitLink(input.repoUrl, input.commitOf(item))}${who ? `; changed by ${md(who)}` : ''}`;
  const where = item.path ? ` — ${codeSpan(item.path)}` : '';
  if (item.kind === 'changed') {
    return [
      `#### ${md(item.address)} (${md(item.id)})${where}`,
      '',
      '| Attribute | Terraform state (before) | Cloud (after) |',
      '| --- | --- | --- |',
      `| ${md(item.attribute)} | ${valueCell(item.state)} | ${valueCell(item.cloud)} |`,
      '',
      seen,
      '',
      `- **Revert**: set ${codeSpan(item.attribute ?? '')} of ${md(item.id)} back to ${valueCell(item.state)} (or run \`terraform apply\`).`,
      '- **Codify**: write the cloud value into the Terraform code, or merge this PR to accept it as it is.',
      '',
      ...codifySection(item, input.codeOf),
    ];
  }
  if (item.kind === 'unmanaged' && input.codeOf?.(item) !== undefined) {
    return [
      `#### Unmanaged ${md(item.type)} ${md(item.id)}${where}`,
      '',
      seen,
      '',
      '- **Codify**: import it into Terraform (the blocks below):',
      '- **Revert**: delete it if nobody needs it; or merge this PR to accept it outside Terraform.',
      '',
      ...codifySection(item, input.codeOf),
    ];
  }
  if (item.kind === 'unmanaged') {
    const name = item.id.replace(/[^A-Za-z0-9_]/g, '_');
    return [
      `#### Unmanaged ${md(item.type)} ${md(item.id)}${where}`,
      '',
      seen,
      '',
      '- **Codify**: import it into Terraform:',
      '',
      '```hcl',
      'import {',
      `  to = ${item.type.replace(/[^A-Za-z0-9_]/g, '_')}.${/^[A-Za-z_]/.test(name) ? name : `r_${name}`}`,
      `  id = ${hclString(item.id)}`,
      '}',
      '```',
      '',
      '- **Revert**: delete it if nobody needs it; or merge this PR to accept it outside Terraform.',
      '',
    ];
  }
  return [
    `#### Missing ${md(item.address)} (${md(item.id)})`,
    '',
    seen,
    '',
    '- **Revert**: `terraform apply` recreates it.',
    `- **Codify**: remove it from the code (${codeSpan(`terraform state rm '${item.address}'`)} if it is gone for good), or merge this PR to accept its absence.`,
    '',
  ];
}

/**
 * The markdown body of a scope's drift PR: each finding with before/after, the observation
 * commit and how to resolve it. Every outside value is escaped and credential-masked; a body
 * past BODY_LIMIT is cut with a note naming where the full list is.
 */
export function renderPullBody(input: PullBodyInput): string {
  const path = acceptedFilePath(input.scope);
  const head = [
    `## Drift in ${codeSpan(input.scope)}`,
    '',
    `statetrail saw these ${input.items.length} findings in two or more consecutive scans. This PR adds them to \`${path}\`.`,
    '',
    '**Merging accepts exactly these values**: they stop alarming until they change or the entry expires. ' +
      "Edit each entry's `reason` before merging. Closing this PR unmerged snoozes exactly this drift.",
    '',
    '### Findings',
    '',
  ];
  const lines = [...head];
  let length = lines.join('\n').length;
  let shown = 0;
  for (const item of input.items) {
    const part = section(item, input).join('\n');
    if (length + part.length + 1 > BODY_LIMIT - 500) break;
    lines.push(part);
    length += part.length + 1;
    shown += 1;
  }
  if (shown < input.items.length) {
    lines.push(
      '',
      `> ${input.items.length - shown} more findings are not shown (GitHub limits a body's length): ` +
        `the full list is \`${path}\` on this branch, and \`statetrail drift\` prints the whole report.`,
    );
  }
  return lines.join('\n');
}
