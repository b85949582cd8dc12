import type { StateInstance } from '../../terraform/state-instance.js';
import { normalizeCidr, normalizeStringSet, UNKNOWN } from '../normalize-values.js';
import { field, TAGS } from './common.js';
import { idAttribute, stateAt } from './read.js';
import type { TypeMapping } from './types.js';

type Row = Readonly<Record<string, unknown>>;

// Target fields in the order the provider reads them: Terraform name, SDK name.
const TARGETS = [
  ['gateway_id', 'GatewayId'],
  ['egress_only_gateway_id', 'EgressOnlyInternetGatewayId'],
  ['nat_gateway_id', 'NatGatewayId'],
  ['transit_gateway_id', 'TransitGatewayId'],
  ['vpc_peering_connection_id', 'VpcPeeringConnectionId'],
  ['network_interface_id', 'NetworkInterfaceId'],
  ['carrier_gateway_id', 'CarrierGatewayId'],
  ['local_gateway_id', 'LocalGatewayId'],
  ['core_network_arn', 'CoreNetworkArn'],
  ['vpc_endpoint_id', 'GatewayId'],
] as const;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function routeKey(destination: string | undefined, target: string | undefined): string {
  const to = destination?.startsWith('pl-') ? destination : normalizeCidr(destination);
  return `${to ?? '?'} -> ${target ?? '?'}`;
}

/** A Terraform route (inline block or `aws_route`) as a comparable key. */
export function stateRouteKey(route: Row): string {
  const destination =
    text(route['cidr_block']) ??
    text(route['destination_cidr_block']) ??
    text(route['ipv6_cidr_block']) ??
    text(route['destination_ipv6_cidr_block']) ??
    text(route['destination_prefix_list_id']);
  const target = TARGETS.map(([name]) => text(route[name])).find((t) => t !== undefined);
  return routeKey(destination, target);
}

function cloudRouteKey(route: Row): string {
  const destination =
    text(route['DestinationCidrBlock']) ??
    text(route['DestinationIpv6CidrBlock']) ??
    text(route['DestinationPrefixListId']);
  const target = TARGETS.map(([, name]) => text(route[name])).find((t) => t !== undefined);
  return routeKey(destination, target);
}

// The local route, propagated routes and gateway-endpoint routes are AWS's own: Terraform's
// inline `route` set leaves them out too.
function isCodifiable(route: Row): boolean {
  const gateway = text(route['GatewayId']);
  return (
    route['Origin'] !== 'CreateRouteTable' &&
    route['Origin'] !== 'EnableVgwRoutePropagation' &&
    gateway !== 'local' &&
    !gateway?.startsWith('vpce-')
  );
}

function childRoutes(children: readonly StateInstance[]): Set<string> {
  return new Set(
    children.filter((c) => c.type === 'aws_route').map((c) => stateRouteKey(c.attributes)),
  );
}

/** `aws_route_table`, `aws_default_route_table` -> `AWS::EC2::RouteTable` (inline routes as a set). */
export const AWS_ROUTE_TABLE: TypeMapping = {
  terraformTypes: ['aws_route_table', 'aws_default_route_table'],
  resourceType: 'AWS::EC2::RouteTable',
  role: 'primary',
  cloudId: idAttribute,
  attributes: [
    field('vpc_id', ['VpcId']),
    TAGS,
    {
      name: 'route',
      state: (attributes, { children }) => {
        const routes = stateAt(attributes, 'route');
        if (routes === UNKNOWN) return UNKNOWN;
        const owned = childRoutes(children);
        const list = Array.isArray(routes) ? (routes as Row[]) : [];
        return list.map(stateRouteKey).filter((key) => !owned.has(key));
      },
      cloud: (resource, { children }) => {
        const owned = childRoutes(children);
        const routes = resource.configuration['Routes'];
        const list = Array.isArray(routes) ? (routes as Row[]) : [];
        return list
          .filter(isCodifiable)
          .map(cloudRouteKey)
          .filter((key) => !owned.has(key));
      },
      normalize: normalizeStringSet,
      kind: 'set',
    },
  ],
};

/** `aws_route` (synthetic `r-` id): matches its table; its route is looked up by content. */
export const AWS_ROUTE: TypeMapping = {
  terraformTypes: ['aws_route'],
  resourceType: 'AWS::EC2::RouteTable',
  role: 'child',
  cloudId: (attributes) => text(attributes['route_table_id']),
  attributes: [
    {
      name: 'route',
      state: (attributes) => [stateRouteKey(attributes)],
      cloud: (resource, { attributes }) => {
        const routes = resource.configuration['Routes'];
        const keys = new Set((Array.isArray(routes) ? (routes as Row[]) : []).map(cloudRouteKey));
        const key = stateRouteKey(attributes);
        return keys.has(key) ? [key] : [];
      },
      normalize: normalizeStringSet,
      kind: 'set',
    },
  ],
};
