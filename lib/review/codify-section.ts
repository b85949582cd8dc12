import { looksLikeCredential } from '../snapshot/normalize/redact-credentials.js';
import type { DriftItem } from './drift-items.js';
import { MASKED } from './markdown-text.js';

/** The Terraform that resolves one PR item (codify's staged finding, by shape). */
export type ItemCode =
  | { readonly kind: 'unmanaged'; readonly hcl: string }
  | {
      readonly kind: 'changed';
      readonly accept?: string | undefined;
      readonly stateValue?: string | undefined;
      readonly revert: string;
    };

/** Finds an item's Terraform, undefined when codify wrote none. */
export type CodeOf = (item: DriftItem) => ItemCode | undefined;

/** `.statetrail/codify/<scope>/imports.tf`: a scope's imports on its PR branch (never in the user's Terraform tree). */
export function importsFilePath(scope: string): string {
  return `.statetrail/codify/${scope}/imports.tf`;
}

/** The PR branch's `imports.tf` for these items: their import and resource blocks, or null. */
export function importsFileOf(
  items: readonly DriftItem[],
  codeOf: CodeOf | undefined,
): string | null {
  const parts = items.flatMap((item) => {
    const code = codeOf?.(item);
    return code?.kind === 'unmanaged' ? [`${code.hcl.trimEnd()}\n`] : [];
  });
  return parts.length === 0 ? null : parts.join('\n');
}

// A fence longer than any backtick run inside, so no value can close it; credential-shaped
// lines masked (codify leaves secrets out; this is the last guard of a PR body).
function fenced(text: string, lang: string): string[] {
  const safe = text
    .trimEnd()
    .split('\n')
    .map((line) => (looksLikeCredential(line) ? `# ${MASKED}` : line));
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return [`${fence}${lang}`, ...safe, fence];
}

/** The collapsible `<details>` section with an item's Terraform, [] when there is none. */
export function codifySection(item: DriftItem, codeOf: CodeOf | undefined): string[] {
  const code = codeOf?.(item);
  if (code === undefined) return [];
  if (code.kind === 'unmanaged') {
    return [
      '<details><summary>Terraform: import it (<code>imports.tf</code> on this branch)</summary>',
      '',
      ...fenced(code.hcl, 'hcl'),
      '',
      '</details>',
      '',
    ];
  }
  const accept =
    code.accept === undefined ? ['(the value cannot be shown)'] : fenced(code.accept, 'hcl');
  const revert = [
    ...(code.stateValue === undefined ? [] : [...fenced(code.stateValue, 'hcl'), '']),
    ...fenced(code.revert, 'sh'),
  ];
  return [
    "<details><summary>Terraform: accept the cloud's value, or revert it</summary>",
    '',
    "<table><tr><th>Accept (write this at the address)</th><th>Revert (the state's value)</th></tr><tr><td>",
    '',
    ...accept,
    '',
    '</td><td>',
    '',
    ...revert,
    '',
    '</td></tr></table>',
    '',
    '</details>',
    '',
  ];
}
