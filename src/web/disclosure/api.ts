import { z } from 'zod';
import {
  type DisclosureOverview,
  DisclosureOverviewSchema,
  type StoredDisclosurePolicy,
  StoredDisclosurePolicySchema,
  type UnitDisclosure,
  UnitDisclosureSchema,
} from '../../contract/disclosure.ts';
import type { DisclosureKind, DisclosurePolicy } from '../../domain/disclosure/packages.ts';
import { OrgTreeSchema } from '../../contract/organisations.ts';
import { jsonBody, request } from '../http/client.ts';

/** Disclosure's HTTP calls (src/server/routes/disclosure.ts); the client adds the CSRF header to writes. */
const unitYear = (unitCode: string, year: number) => `/api/units/${encodeURIComponent(unitCode)}/years/${year}`;

/** `?year=…` and, for the administrator, the bureau it is looking at. */
const yearQuery = (year: number, orgCode: string | undefined) =>
  `?year=${year}${orgCode === undefined ? '' : `&orgCode=${encodeURIComponent(orgCode)}`}`;

export async function fetchOverview(year: number, orgCode: string | undefined): Promise<DisclosureOverview> {
  return (await request(DisclosureOverviewSchema, `/api/disclosure${yearQuery(year, orgCode)}`)).data;
}

export async function fetchUnitDisclosure(unitCode: string, year: number): Promise<UnitDisclosure> {
  return (await request(UnitDisclosureSchema, `${unitYear(unitCode, year)}/disclosure`)).data;
}

export async function fetchPolicy(year: number, orgCode: string | undefined): Promise<StoredDisclosurePolicy> {
  return (await request(StoredDisclosurePolicySchema, `/api/disclosure/policy${yearQuery(year, orgCode)}`)).data;
}

export async function savePolicy(
  key: { year: number; orgCode: string | undefined },
  policy: DisclosurePolicy,
  expectedVersion: number,
): Promise<StoredDisclosurePolicy> {
  const init = { method: 'PUT', ...jsonBody({ policy, expectedVersion }) };
  const path = `/api/disclosure/policy${yearQuery(key.year, key.orgCode)}`;
  return (await request(StoredDisclosurePolicySchema, path, init)).data;
}

/** The bureaus the administrator may look at (the organisation tree's bureaus). */
export async function fetchBureaus(): Promise<{ code: string; name: string }[]> {
  const { data } = await request(OrgTreeSchema, '/api/organisations?active=true');
  return data.items.filter((node) => node.kind === 'bureau').map(({ code, name }) => ({ code, name }));
}

const PublishedSchema = z.object({ version: z.number(), publishedAt: z.string(), files: z.number() });

export async function publishPackage(unitCode: string, year: number, kind: DisclosureKind): Promise<number> {
  const path = `${unitYear(unitCode, year)}/disclosure/${kind}/publish`;
  return (await request(PublishedSchema, path, { method: 'POST', ...jsonBody({}) })).data.version;
}

export async function withdrawPackage(
  unitCode: string,
  year: number,
  kind: DisclosureKind,
  reason: string,
): Promise<void> {
  const path = `${unitYear(unitCode, year)}/disclosure/${kind}/withdraw`;
  await request(z.object({ withdrawn: z.array(z.number()) }), path, { method: 'POST', ...jsonBody({ reason }) });
}

/** The preview zip's address: a plain link downloads it with the session cookie. */
export function previewUrl(unitCode: string, year: number, kind: DisclosureKind): string {
  return `${unitYear(unitCode, year)}/disclosure/${kind}/preview`;
}
