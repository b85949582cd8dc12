import { describe, expect, it } from 'vitest';
import { StateSourceError } from '../../../lib/terraform/errors.js';
import {
  isTfeLocation,
  isWorkspacePattern,
  parseTfeLocation,
  workspaceMatcher,
} from '../../../lib/terraform/sources/tfe-location.js';

describe('tfe:// state locations', () => {
  it('parses one workspace, a pattern and a whole organization', () => {
    expect(parseTfeLocation('tfe://app.terraform.io/acme/network')).toEqual({
      host: 'app.terraform.io',
      organization: 'acme',
      workspace: 'network',
    });
    const pattern = parseTfeLocation('tfe://TFE.Example.com:8443/acme/prod-*');
    expect(pattern).toEqual({
      host: 'tfe.example.com:8443',
      organization: 'acme',
      workspace: 'prod-*',
    });
    expect(isWorkspacePattern(pattern)).toBe(true);
    const all = parseTfeLocation('tfe://app.terraform.io/acme/');
    expect(all.workspace).toBeUndefined();
    expect(isWorkspacePattern(all)).toBe(true);
    expect(isWorkspacePattern(parseTfeLocation('tfe://h.io/acme/net'))).toBe(false);
  });

  it.each([
    ['tfe://', 'host'],
    ['tfe://app.terraform.io', 'organization'],
    ['tfe://app.terraform.io/ac me/net', 'organization'],
    ['tfe://app.terraform.io/acme/net/extra', 'too many'],
    ['tfe://app.terraform.io/acme/net.work', 'workspace'],
    ['tfe://bad_host/acme/net', 'host'],
  ])('refuses %s, naming it and what is wrong (%s)', (location, why) => {
    let error: unknown;
    try {
      parseTfeLocation(location);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(StateSourceError);
    expect((error as Error).message).toContain(location);
    expect((error as Error).message).toContain(why);
  });

  it('tells tfe:// from other locations', () => {
    expect(isTfeLocation('tfe://app.terraform.io/acme/net')).toBe(true);
    expect(isTfeLocation('s3://bucket/key')).toBe(false);
    expect(isTfeLocation('./tfe/net.tfstate')).toBe(false);
  });

  it('matches workspace names with * and ?, and nothing else as a wildcard', () => {
    const matches = workspaceMatcher('prod-*');
    expect(matches('prod-network')).toBe(true);
    expect(matches('staging-network')).toBe(false);
    expect(workspaceMatcher('app-?')('app-1')).toBe(true);
    expect(workspaceMatcher('app-?')('app-12')).toBe(false);
    expect(workspaceMatcher(undefined)('anything')).toBe(true);
  });
});
