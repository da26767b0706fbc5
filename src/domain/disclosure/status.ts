import type { Actor } from '../access.ts';
import type { Notice } from '../notifications.ts';
import {
  DISCLOSURE_KINDS,
  type DisclosureKind,
  type DisclosurePolicy,
  type DisclosureReadiness,
  isPublic,
  refusalToPublish,
} from './packages.ts';

/** A package's latest published version as stored. */
export interface LatestPackage {
  kind: DisclosureKind;
  version: number;
  publishedAt: string;
  publishedBy: string;
  withdrawnAt: string | null;
  withdrawReason: string | null;
  files: number;
}

export type PackageState = 'not-published' | 'withdrawn' | 'scheduled' | 'public';

/** Where one kind of package stands: what the bureau's page and the unit's 公开 section show. */
export function packageState(latest: LatestPackage | undefined, policy: DisclosurePolicy, now: Date): PackageState {
  if (!latest) return 'not-published';
  if (latest.withdrawnAt !== null) return 'withdrawn';
  return isPublic(latest, policy, now) ? 'public' : 'scheduled';
}

/** The stable public address of a bureau-year's index, or of a unit's package of `kind` (no internal ids). */
export function publicPath(bureauCode: string, year: number, unitCode?: string, kind?: DisclosureKind): string {
  const base = `/public/${encodeURIComponent(bureauCode)}/${year}/`;
  return unitCode === undefined ? base : `${base}${encodeURIComponent(unitCode)}/${kind ?? 'budget'}`;
}

/** The bureau and the administrator always publish; a unit its own packages when the bureau allows it. */
export function mayPublish(actor: Actor, policy: DisclosurePolicy): boolean {
  if (actor.role === 'admin' || actor.role === 'bureau') return true;
  return actor.role === 'unit' && policy.unitsMayPublish;
}

/** Every kind's status for one unit-year. */
export function packageStatuses(
  input: {
    readiness: DisclosureReadiness;
    latest: readonly LatestPackage[];
    policy: DisclosurePolicy;
    bureauCode: string | null;
    unitCode: string;
    year: number;
  },
  now: Date,
) {
  return DISCLOSURE_KINDS.map((kind) => {
    const latest = input.latest.find((p) => p.kind === kind);
    const state = packageState(latest, input.policy, now);
    return {
      kind,
      refusal: refusalToPublish(kind, input.readiness),
      latest: latest ? withoutKind(latest) : null,
      state,
      publicPath:
        input.bureauCode !== null && (state === 'public' || state === 'scheduled')
          ? publicPath(input.bureauCode, input.year, input.unitCode, kind)
          : null,
    };
  });
}

function withoutKind({ kind: _kind, ...rest }: LatestPackage): Omit<LatestPackage, 'kind'> {
  return rest;
}

/**
 * What the unit is told when someone else publishes or withdraws one of its packages (decision 037's bell and
 * e-mail): the kind names the package, so each language words it whole; null when the unit acted itself.
 */
export function noticeOfDisclosure(
  event: 'published' | 'withdrawn',
  kind: DisclosureKind,
  actor: Actor,
  detail: { version?: number; reason?: string },
): Notice | null {
  if (actor.role === 'unit') return null;
  return {
    kind: `disclosure-${kind}-${event}`,
    params: {
      by: actor.displayName || actor.username,
      version: detail.version ?? null,
      comment: detail.reason ?? null,
    },
    page: 'targets',
  };
}
