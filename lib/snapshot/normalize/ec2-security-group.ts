import type { Resource } from '../../model/schema.js';
import { editSupplementary } from './ec2-supplementary.js';
import { canonicalJson, type SortKey, sortedBy } from './sort-list.js';
import { editConfiguration, editField, editItems, type PlainObject, pick } from './step.js';

// Each inner list of a rule is a set, keyed by what identifies its entries.
const INNER_LISTS: readonly (readonly [string, (item: unknown) => SortKey])[] = [
  ['IpRanges', (r) => [pick(r, 'CidrIp')]],
  ['Ipv6Ranges', (r) => [pick(r, 'CidrIpv6')]],
  ['PrefixListIds', (p) => [pick(p, 'PrefixListId')]],
  ['UserIdGroupPairs', (p) => [pick(p, 'GroupId'), pick(p, 'UserId')]],
];

/**
 * Sorts a security group's ingress and egress rules and the lists inside each rule, and its
 * `supplementaryConfiguration.SecurityGroupRules` (the `sgr-` rules) by rule id, with their tags.
 */
export function sortSecurityGroupRules(resource: Resource): Resource {
  const sorted = editConfiguration(resource, (configuration) => {
    const edited = editField(configuration, 'IpPermissions', sortRules);
    return editField(edited, 'IpPermissionsEgress', sortRules);
  });
  return editSupplementary(sorted, 'SecurityGroupRules', (rules) =>
    sortedBy(
      editItems(rules, (rule) =>
        editField(rule, 'Tags', (tags) => sortedBy(tags, (t) => [pick(t, 'Key')])),
      ),
      (rule) => [pick(rule, 'SecurityGroupRuleId')],
    ),
  );
}

// A rule has no id, so once its own lists are sorted, its canonical JSON is its identity;
// protocol and ports (numerically) come first so the file reads in a natural order.
function sortRules(rules: unknown): unknown {
  return sortedBy(editItems(rules, sortRuleLists), (rule) => [
    pick(rule, 'IpProtocol'),
    pick(rule, 'FromPort'),
    pick(rule, 'ToPort'),
    canonicalJson(rule),
  ]);
}

function sortRuleLists(rule: PlainObject): PlainObject {
  let edited = rule;
  for (const [list, key] of INNER_LISTS)
    edited = editField(edited, list, (items) => sortedBy(items, key));
  return edited;
}
