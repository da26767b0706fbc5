import type { ColumnType, Generated } from 'kysely';
import type { DisclosureManifest } from '../domain/disclosure/packages.ts';

type Timestamp = ColumnType<Date, never, Date | string>;

/** Per bureau and year (migration 0025, decision 047). */
export interface DisclosurePoliciesTable {
  organisation_id: number;
  fiscal_year: number;
  /** Record<DisclosureKind, DisclosureDocument[]>, written as JSON text. */
  documents: ColumnType<unknown, string, string>;
  publish_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  units_may_publish: boolean;
  version: ColumnType<number, number | undefined, number>;
  updated_by: string;
  updated_at: ColumnType<Date, never, Date | string>;
}

/** One published version of a unit-year's package. */
export interface DisclosurePackagesTable {
  id: Generated<string>;
  unit_id: number;
  fiscal_year: number;
  kind: 'budget' | 'final';
  version: number;
  manifest: ColumnType<DisclosureManifest, string, never>;
  published_by: string;
  published_at: Timestamp;
  withdrawn_by: ColumnType<string | null, never, string | null>;
  withdrawn_at: ColumnType<Date | null, never, Date | string | null>;
  withdraw_reason: ColumnType<string | null, never, string | null>;
}

/** The bytes of a published file, as rendered at publishing. */
export interface DisclosureFilesTable {
  package_id: string;
  position: number;
  name: string;
  content_type: string;
  sha256: string;
  content: Buffer;
}

export interface DisclosureTables {
  disclosure_policies: DisclosurePoliciesTable;
  disclosure_packages: DisclosurePackagesTable;
  disclosure_files: DisclosureFilesTable;
}
