import { SessionResponseSchema } from '../../contract/accounts.ts';
import { type InstanceState, InstanceStateSchema, type SetupBody } from '../../contract/instance.ts';
import { jsonBody, request } from '../http/client.ts';

/** Whether this installation is the demo, and whether it still needs its first administrator. */
export async function fetchInstance(): Promise<InstanceState> {
  return (await request(InstanceStateSchema, '/api/instance')).data;
}

/** Creates the first administrator with the setup link's token; the answer signs them in. */
export async function postSetup(body: SetupBody): Promise<void> {
  await request(SessionResponseSchema, '/api/setup', { method: 'POST', ...jsonBody(body) });
}
