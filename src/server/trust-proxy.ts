import { isIP } from 'node:net';
import { AppError } from '../domain/errors.ts';

/** What Fastify's `trustProxy` takes here: nothing, a hop count, or the proxies' addresses. */
export type TrustProxy = false | number | string[];

/** proxy-addr's names for address ranges, accepted in the list as Fastify accepts them. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * JIXIAO_TRUST_PROXY (decision 019): unset, `0` or `false` — no proxy, the client is the socket's
 * address and X-Forwarded-For is ignored; a hop count (`1`, `2`) — that many proxies in front, the
 * client is the address that many entries from the end of X-Forwarded-For (what a client writes
 * further left is never read); or a comma list of proxy addresses / CIDRs (`10.0.0.5, 10.1.0.0/16`,
 * `loopback`) — X-Forwarded-For is believed only from those. `true` ("trust everyone") is refused:
 * any client could then pick its own address and escape the per-address sign-in limit.
 */
export function parseTrustProxy(text: string | undefined): TrustProxy {
  const value = (text ?? '').trim();
  if (value === '' || value === '0' || value.toLowerCase() === 'false') return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 10) throw usage(`代理层数 ${hops} 过大`);
    return hops;
  }
  if (value.toLowerCase() === 'true') throw usage('不接受 true（那样任何客户端都能伪造自己的地址）');
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  for (const entry of entries) {
    if (!isAddressOrRange(entry)) throw usage(`“${entry}”不是 IP 地址或 CIDR`);
  }
  return entries;
}

function isAddressOrRange(entry: string): boolean {
  if (RANGE_NAMES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

function usage(why: string): AppError {
  return new AppError(
    'USAGE',
    `JIXIAO_TRUST_PROXY 应为代理层数（如 1）或以逗号分隔的代理地址/CIDR（如 10.0.0.5,10.1.0.0/16）：${why}`,
  );
}

/**
 * The setting in the form Fastify's types accept. Fastify trusts a hop count at run time but does
 * not type it; a count of n is its own function `hop < n` (the socket's peer is hop 0).
 */
export function fastifyTrustProxy(
  setting: TrustProxy | undefined,
): false | string[] | ((address: string, hop: number) => boolean) {
  if (setting === undefined || setting === false || setting === 0) return false;
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  return setting;
}
