import type { Db } from '../db/database.ts';
import {
  type PublicIndexRow,
  type PublicVersion,
  publicFile,
  publicIndex,
  publicVersions,
  publicYears,
} from '../db/disclosure-public.repo.ts';
import { ORG_CODE_MAX, ORG_CODE_PATTERN } from '../domain/codes.ts';
import { DISCLOSURE_KINDS, type DisclosureKind, MANIFEST_FILE } from '../domain/disclosure/packages.ts';

/** A public address, as its path segments (decoded); any of them may be anything a visitor typed. */
export interface PublicAddress {
  bureau: string;
  year?: string;
  unit?: string;
  kind?: string;
  /** "3" for an older version's file; absent: the latest version. */
  version?: string;
  file?: string;
}

export type PublicPage =
  | { page: 'years'; bureauCode: string; bureauName: string; years: number[] }
  | { page: 'index'; bureauCode: string; bureauName: string; year: number; rows: PublicIndexRow[] }
  | { page: 'package'; bureauCode: string; bureauName: string; versions: PublicVersion[] }
  | { page: 'file'; fileName: string; contentType: string; content: Buffer };

const YEAR = /^(19|20|21)\d{2}$/;
/** A bureau or unit code as codes.ts allows them; anything else cannot name a stored organisation. */
const isCode = (text: string): boolean => text.length <= ORG_CODE_MAX && ORG_CODE_PATTERN.test(text);

/**
 * What the anonymous public pages show (decision 047): a bureau's years, a year's index, a package (latest and
 * older public versions), one file or the manifest. Undefined for anything not public — an unknown bureau, year,
 * unit or file, a withdrawn or not-yet-public package, a malformed segment — so every miss looks the same.
 */
export async function readPublicDisclosure(db: Db, address: PublicAddress): Promise<PublicPage | undefined> {
  if (!isCode(address.bureau)) return undefined;
  const bureauCode = address.bureau;
  if (address.year === undefined) {
    const found = await publicYears(db.kysely, bureauCode);
    return found && { page: 'years', bureauCode, ...found };
  }
  if (!YEAR.test(address.year)) return undefined;
  const year = Number(address.year);
  if (address.unit === undefined) {
    const found = await publicIndex(db.kysely, bureauCode, year);
    return found && { page: 'index', bureauCode, year, ...found };
  }
  const kind = DISCLOSURE_KINDS.find((k) => k === address.kind);
  if (!isCode(address.unit) || kind === undefined) return undefined;
  const key = { bureauCode, year, unitCode: address.unit, kind };
  if (address.file === undefined) {
    const found = await publicVersions(db.kysely, key);
    return found.versions.length > 0 ? { page: 'package', bureauCode, ...found } : undefined;
  }
  return readFile(db, key, address.version, address.file);
}

async function readFile(
  db: Db,
  key: { bureauCode: string; year: number; unitCode: string; kind: DisclosureKind },
  versionText: string | undefined,
  name: string,
): Promise<PublicPage | undefined> {
  if (versionText !== undefined && !/^[1-9]\d{0,5}$/.test(versionText)) return undefined;
  const version = versionText === undefined ? null : Number(versionText);
  if (name === MANIFEST_FILE) {
    const { versions } = await publicVersions(db.kysely, key);
    const chosen = version === null ? versions[0] : versions.find((v) => v.version === version);
    if (!chosen) return undefined;
    const content = Buffer.from(`${JSON.stringify(chosen.manifest, null, 2)}\n`);
    return { page: 'file', fileName: name, contentType: 'application/json; charset=utf-8', content };
  }
  const file = await publicFile(db.kysely, { ...key, version }, name);
  return file && { page: 'file', fileName: name, ...file };
}
