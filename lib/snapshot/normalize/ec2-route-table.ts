import type { Resource } from '../../model/schema.js';
import { withoutItems } from './ec2-supplementary.js';
import { sortedBy } from './sort-list.js';
import { editConfiguration, editField, editItems, omit, pick } from './step.js';

/**
 * Drops the routes a virtual private gateway propagates (`Origin: EnableVgwRoutePropagation`:
 * they come and go with BGP, nobody writes them) and each route's `State` (`blackhole` is a
 * finding about a target, not a change to the table).
 */
export function dropRouteTableVolatileFields(resource: Resource): Resource {
  return editConfiguration(resource, (configuration) =>
    editField(configuration, 'Routes', (routes) =>
      editItems(
        withoutItems(routes, (route) => route['Origin'] === 'EnableVgwRoutePropagation'),
        (route) => omit(route, ['State']),
      ),
    ),
  );
}

/** Sorts a route table's routes by destination, associations by id, propagating gateways by id. */
export function sortRouteTableLists(resource: Resource): Resource {
  return editConfiguration(resource, (configuration) => {
    let edited = editField(configuration, 'Routes', (routes) =>
      sortedBy(routes, (r) => [
        pick(r, 'DestinationCidrBlock'),
        pick(r, 'DestinationIpv6CidrBlock'),
        pick(r, 'DestinationPrefixListId'),
      ]),
    );
    edited = editField(edited, 'Associations', (associations) =>
      sortedBy(associations, (a) => [pick(a, 'RouteTableAssociationId')]),
    );
    return editField(edited, 'PropagatingVgws', (gateways) =>
      sortedBy(gateways, (g) => [pick(g, 'GatewayId')]),
    );
  });
}
