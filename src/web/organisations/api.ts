import {
  type NewOrgBody,
  type OrgNode,
  OrgNodeSchema,
  type OrgPatchBody,
  type OrgTree,
  OrgTreeSchema,
} from '../../contract/organisations.ts';
import { jsonBody, request } from '../http/client.ts';

/** The organisation tree's HTTP calls (src/server/routes/organisations.ts); writes carry CSRF, changes If-Match. */
export async function fetchOrganisations(): Promise<OrgTree> {
  return (await request(OrgTreeSchema, '/api/organisations')).data;
}

export async function createOrganisation(body: NewOrgBody): Promise<OrgNode> {
  return (await request(OrgNodeSchema, '/api/organisations', { method: 'POST', ...jsonBody(body) })).data;
}

export async function patchOrganisation(code: string, version: number, patch: OrgPatchBody): Promise<OrgNode> {
  const body = jsonBody(patch);
  const init = { method: 'PATCH', body: body.body, headers: { ...body.headers, 'If-Match': `"${version}"` } };
  return (await request(OrgNodeSchema, `/api/organisations/${encodeURIComponent(code)}`, init)).data;
}
