import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/index.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { type createApi, fetchToken, startSimulator } from './support.ts';

const CONNECTIONS = '/v2/integrations/connections';

describe('token endpoint and bearer auth', () => {
  let sim: Simulator;
  let api: ReturnType<typeof createApi>;

  beforeAll(async () => {
    ({ sim, api } = await startSimulator({ tokenTtlSeconds: 1 }));
  });
  afterAll(() => sim.stop());

  it('issues a Keycloak-shaped bearer token for the configured client', async () => {
    sim.control.configure({ tokenTtlSeconds: 3600 });
    const { status, body } = await fetchToken(sim);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      token_type: 'Bearer',
      expires_in: 3600,
      refresh_expires_in: 0,
      'not-before-policy': 0,
    });
    expect(String(body.scope)).toMatch(/^organization /);
    const [, claims] = String(body.access_token).split('.');
    const decoded = JSON.parse(Buffer.from(String(claims), 'base64url').toString('utf8'));
    expect(decoded).toMatchObject({
      sub: 'dev',
      org: { 'catena-simulator-partner': { id: sim.fixtures.partnerId, org_type: ['partner'] } },
    });
    expect(decoded.exp - decoded.iat).toBe(3600);
  });

  it.each([
    [
      'wrong secret',
      'grant_type=client_credentials&client_id=dev&client_secret=nope&scope=organization',
      401,
      'invalid_client',
    ],
    [
      'unknown client',
      'grant_type=client_credentials&client_id=who&client_secret=dev&scope=organization',
      401,
      'invalid_client',
    ],
    [
      'password grant',
      'grant_type=password&client_id=dev&client_secret=dev&scope=organization',
      400,
      'unsupported_grant_type',
    ],
    [
      'bad scope',
      'grant_type=client_credentials&client_id=dev&client_secret=dev&scope=admin',
      400,
      'invalid_scope',
    ],
    [
      'missing scope',
      'grant_type=client_credentials&client_id=dev&client_secret=dev',
      400,
      'invalid_request',
    ],
    ['empty body', '', 400, 'invalid_request'],
  ])('refuses a %s', async (_case, form, status, error) => {
    const res = await fetchToken(sim, form);
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ error });
    expect(typeof res.body.error_description).toBe('string');
  });

  it('answers 401 Not authenticated without a bearer token', async () => {
    const res = await api.call('GET', CONNECTIONS, { auth: false });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ code: 401, message: 'Unauthorized', detail: 'Not authenticated' });
  });

  it.each([
    ['garbage', 'Bearer not-a-jwt', /malformed/],
    ['a forged signature', 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl', /signature/],
    ['another scheme', 'Basic ZGV2OmRldg==', /Not authenticated/],
  ])('answers 401 for %s', async (_case, header, detail) => {
    const res = await api.call('GET', CONNECTIONS, { auth: header });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 401, message: 'Unauthorized' });
    expect(String(res.body.detail)).toMatch(detail);
  });

  it('refuses a token once it has expired', async () => {
    sim.control.configure({ tokenTtlSeconds: 1 });
    const { body } = await fetchToken(sim);
    const header = `Bearer ${String(body.access_token)}`;
    expect((await api.call('GET', CONNECTIONS, { auth: header })).status).toBe(200);
    const expired = await waitFor(
      async () => {
        const res = await api.call('GET', CONNECTIONS, { auth: header });
        return res.status === 401 && res;
      },
      { timeoutMs: 3_000, intervalMs: 100, what: 'the token to expire' },
    );
    expect(expired.body).toMatchObject({ detail: 'Token has expired' });
  });

  it('refuses every token issued before a revocation, and accepts new ones', async () => {
    sim.control.configure({ tokenTtlSeconds: 3600 });
    const old = `Bearer ${String((await fetchToken(sim)).body.access_token)}`;
    sim.control.revokeTokens();
    const refused = await api.call('GET', CONNECTIONS, { auth: old });
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ detail: 'Token has been revoked' });
    const fresh = `Bearer ${String((await fetchToken(sim)).body.access_token)}`;
    expect((await api.call('GET', CONNECTIONS, { auth: fresh })).status).toBe(200);
  });

  it('does not protect the control routes', async () => {
    const res = await fetch(`${sim.url}/_simulator/fixtures`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { partnerId: string }).partnerId).toBe(sim.fixtures.partnerId);
  });
});
