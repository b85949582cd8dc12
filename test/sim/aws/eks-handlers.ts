import type { IdentityProviderConfig } from '@aws-sdk/client-eks';
import { eksConfigMapOnly, eksInvalidParameter, eksNotFound, noCluster } from './eks-errors.js';
import { eksPageOf } from './eks-paging.js';
import type { EksRegionWorld, SimEksCluster } from './eks-world.js';

/** A request's input in the SDK's input shape (path labels, query and body members). */
export type EksInput = Record<string, unknown>;

/** What a handler sees besides its input. */
export interface EksContext {
  readonly accountId: string;
  readonly region: string;
  readonly eks: EksRegionWorld;
}

/** One EKS operation: its output in the SDK's output shape. */
export type EksHandler = (input: EksInput, context: EksContext) => object;

/** The operations the sim answers, by SDK operation name. */
export const eksHandlers: Readonly<Record<string, EksHandler>> = {
  ListClusters: (input, ctx) => {
    const names = ctx.eks.clusters.map((c) => c.cluster.name ?? '');
    const page = eksPageOf(names, input, queryOf('ListClusters', ctx));
    return { clusters: page.items, ...next(page) };
  },
  DescribeCluster: (input, ctx) => ({ cluster: clusterOf(ctx, input['name']).cluster }),
  ListNodegroups: (input, ctx) => {
    const cluster = clusterOf(ctx, input['clusterName']);
    const names = cluster.nodegroups.map((n) => n.nodegroupName ?? '');
    const page = eksPageOf(names, input, queryOf('ListNodegroups', ctx, cluster));
    return { nodegroups: page.items, ...next(page) };
  },
  DescribeNodegroup: (input, ctx) => {
    const name = String(input['nodegroupName']);
    const found = clusterOf(ctx, input['clusterName']).nodegroups.find(
      (n) => n.nodegroupName === name,
    );
    if (!found) throw eksNotFound(`No node group found for name: ${name}.`);
    return { nodegroup: found };
  },
  ListAddons: (input, ctx) => {
    const cluster = clusterOf(ctx, input['clusterName']);
    const names = cluster.addons.map((a) => a.addonName ?? '');
    const page = eksPageOf(names, input, queryOf('ListAddons', ctx, cluster));
    return { addons: page.items, ...next(page) };
  },
  DescribeAddon: (input, ctx) => {
    const cluster = clusterOf(ctx, input['clusterName']);
    const name = String(input['addonName']);
    const found = cluster.addons.find((a) => a.addonName === name);
    if (!found) throw eksNotFound(`No addon: ${name} found in cluster: ${cluster.cluster.name}`);
    return { addon: found };
  },
  ListFargateProfiles: (input, ctx) => {
    const cluster = clusterOf(ctx, input['clusterName']);
    const names = cluster.fargateProfiles.map((f) => f.fargateProfileName ?? '');
    const page = eksPageOf(names, input, queryOf('ListFargateProfiles', ctx, cluster));
    return { fargateProfileNames: page.items, ...next(page) };
  },
  DescribeFargateProfile: (input, ctx) => {
    const name = String(input['fargateProfileName']);
    const found = clusterOf(ctx, input['clusterName']).fargateProfiles.find(
      (f) => f.fargateProfileName === name,
    );
    if (!found) throw eksNotFound(`No Fargate Profile found with name: ${name}.`);
    return { fargateProfile: found };
  },
  ListAccessEntries: (input, ctx) => {
    const cluster = clusterOf(ctx, input['clusterName']);
    if (cluster.cluster.accessConfig?.authenticationMode === 'CONFIG_MAP') throw eksConfigMapOnly();
    const policy = input['associatedPolicyArn'];
    const arns = cluster.accessEntries
      .filter((e) => policy === undefined || e.policies.some((p) => p.policyArn === policy))
      .map((e) => e.entry.principalArn ?? '');
    const query = queryOf('ListAccessEntries', ctx, cluster, String(policy));
    const page = eksPageOf(arns, input, query);
    return { accessEntries: page.items, ...next(page) };
  },
  DescribeAccessEntry: (input, ctx) => ({ accessEntry: entryOf(ctx, input).entry }),
  ListAssociatedAccessPolicies: (input, ctx) => {
    const entry = entryOf(ctx, input);
    const query = queryOf(
      'ListAssociatedAccessPolicies',
      ctx,
      undefined,
      entry.entry.accessEntryArn,
    );
    const page = eksPageOf(entry.policies, input, query);
    return {
      clusterName: entry.entry.clusterName,
      principalArn: entry.entry.principalArn,
      associatedAccessPolicies: page.items,
      ...next(page),
    };
  },
  ListPodIdentityAssociations: (input, ctx) => {
    const cluster = clusterOf(ctx, input['clusterName']);
    const { namespace, serviceAccount } = input;
    const summaries = cluster.podIdentityAssociations
      .filter((a) => namespace === undefined || a.namespace === namespace)
      .filter((a) => serviceAccount === undefined || a.serviceAccount === serviceAccount)
      .map((a) => ({
        clusterName: a.clusterName,
        namespace: a.namespace,
        serviceAccount: a.serviceAccount,
        associationArn: a.associationArn,
        associationId: a.associationId,
        ...(a.ownerArn === undefined ? {} : { ownerArn: a.ownerArn }),
      }));
    const query = queryOf(
      'ListPodIdentityAssociations',
      ctx,
      cluster,
      `${namespace}|${serviceAccount}`,
    );
    const page = eksPageOf(summaries, input, query);
    return { associations: page.items, ...next(page) };
  },
  DescribePodIdentityAssociation: (input, ctx) => {
    const id = String(input['associationId']);
    const found = clusterOf(ctx, input['clusterName']).podIdentityAssociations.find(
      (a) => a.associationId === id,
    );
    if (!found) throw eksNotFound(`The specified pod identity association ${id} was not found.`);
    return { association: found };
  },
  ListIdentityProviderConfigs: (input, ctx) => {
    const cluster = clusterOf(ctx, input['clusterName']);
    const configs = cluster.identityProviderConfigs.map((c) => ({
      type: 'oidc',
      name: c.identityProviderConfigName,
    }));
    const page = eksPageOf(configs, input, queryOf('ListIdentityProviderConfigs', ctx, cluster));
    return { identityProviderConfigs: page.items, ...next(page) };
  },
  DescribeIdentityProviderConfig: (input, ctx) => {
    const cluster = clusterOf(ctx, input['clusterName']);
    const wanted = input['identityProviderConfig'] as IdentityProviderConfig | undefined;
    if (wanted?.type !== 'oidc' || typeof wanted.name !== 'string') {
      throw eksInvalidParameter('identityProviderConfig must name an oidc config');
    }
    const found = cluster.identityProviderConfigs.find(
      (c) => c.identityProviderConfigName === wanted.name,
    );
    if (!found) throw eksNotFound(`No identity provider config found with name: ${wanted.name}.`);
    return { identityProviderConfig: { oidc: found } };
  },
};

function clusterOf(ctx: EksContext, name: unknown): SimEksCluster {
  const found = ctx.eks.clusters.find((c) => c.cluster.name === name);
  if (!found) throw noCluster(String(name));
  return found;
}

function entryOf(ctx: EksContext, input: EksInput) {
  const principalArn = String(input['principalArn']);
  const found = clusterOf(ctx, input['clusterName']).accessEntries.find(
    (e) => e.entry.principalArn === principalArn,
  );
  if (!found) throw eksNotFound('The specified access entry resource is not found.');
  return found;
}

// A token continues only the query it was issued for (operation, caller, region, parent, filter).
function queryOf(
  operation: string,
  ctx: EksContext,
  cluster?: SimEksCluster,
  extra?: string,
): string {
  return [operation, ctx.accountId, ctx.region, cluster?.cluster.arn ?? '', extra ?? ''].join('|');
}

function next(page: { nextToken?: string }): { nextToken?: string } {
  return page.nextToken === undefined ? {} : { nextToken: page.nextToken };
}
