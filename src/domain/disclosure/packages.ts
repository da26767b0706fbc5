/**
 * Disclosure (信息公开, guide §2 and §7; decision 047): what a unit publishes. With the budget, its targets
 * (预算公开); with the final accounts, its self-evaluation results (决算公开). Pure model: the kinds, the
 * documents each may hold, when a kind may be published, and the manifest that lists a package's files.
 */
export const DISCLOSURE_KINDS = ['budget', 'final'] as const;
/** `budget`: 预算公开 (the targets); `final`: 决算公开 (自评表, 自评报告, 部门整体自评). The word in public URLs. */
export type DisclosureKind = (typeof DISCLOSURE_KINDS)[number];

export const DISCLOSURE_KIND_NAMES: Record<DisclosureKind, string> = { budget: '预算公开', final: '决算公开' };

/**
 * The documents a package may hold, one id per file. Adding a document is one entry here, one in
 * `DOCUMENTS_OF_KIND` and one producer in the use-case (render-disclosure-package.ts).
 */
export const DISCLOSURE_DOCUMENTS = [
  'targets-docx',
  'targets-pdf',
  'evaluation-docx',
  'evaluation-pdf',
  'self-report-docx',
  'self-report-pdf',
  'department-evaluation-docx',
  'department-evaluation-pdf',
] as const;
export type DisclosureDocument = (typeof DISCLOSURE_DOCUMENTS)[number];

export const DOCUMENTS_OF_KIND: Record<DisclosureKind, readonly DisclosureDocument[]> = {
  budget: ['targets-docx', 'targets-pdf'],
  final: [
    'evaluation-docx',
    'evaluation-pdf',
    'self-report-docx',
    'self-report-pdf',
    'department-evaluation-docx',
    'department-evaluation-pdf',
  ],
};

/** What the bureau decides per year (decision 047): which documents, from when, and whether units publish themselves. */
export interface DisclosurePolicy {
  documents: Record<DisclosureKind, DisclosureDocument[]>;
  /** Published packages are public from this instant on (ISO); null: at once. */
  publishAt: string | null;
  /** A unit may publish its own packages; the bureau (and the administrator) always may. */
  unitsMayPublish: boolean;
}

export function defaultDisclosurePolicy(): DisclosurePolicy {
  return {
    documents: { budget: [...DOCUMENTS_OF_KIND.budget], final: [...DOCUMENTS_OF_KIND.final] },
    publishAt: null,
    unitsMayPublish: false,
  };
}

/** Where the unit-year stands for disclosure: the targets' workflow state and the 自评's status. */
export interface DisclosureReadiness {
  targetsState: string | null;
  evaluationStatus: string | null;
}

/**
 * Why `kind` may not be published yet, or null when it may: targets are published with the budget once
 * approved (谁批复预算，谁批复目标); self-evaluation results with the final accounts once the 自评 is final.
 */
export function refusalToPublish(kind: DisclosureKind, readiness: DisclosureReadiness): string | null {
  if (kind === 'budget')
    return readiness.targetsState === 'approved' ? null : '预算公开须在绩效目标批复后进行：本年度绩效目标尚未批复';
  return readiness.evaluationStatus === 'final' ? null : '决算公开须在绩效自评终审后进行：本年度自评尚未终审';
}

/** One file of a package as the manifest states it. */
export interface ManifestFile {
  name: string;
  /** What the file is, in words: "绩效目标（Word）". */
  title: string;
  contentType: string;
  size: number;
  /** Hex SHA-256 of the bytes: a reader checks a download against it. */
  sha256: string;
}

/** The package's manifest (`manifest.json`): everything the public page shows, nothing else. */
export interface DisclosureManifest {
  format: 'jixiao/disclosure@1';
  /** The bureau under whose public address the package is published. */
  bureau: { code: string; name: string };
  unit: { code: string; name: string };
  fiscalYear: number;
  kind: DisclosureKind;
  kindName: string;
  /** 1, 2, …: re-publishing makes a new version; 0 in a preview that was not published. */
  version: number;
  generatedAt: string;
  /** The organisation that published (not a person: the manifest is public). */
  generatedBy: string;
  files: ManifestFile[];
}

/** The manifest's own file name inside a package and in the public addresses. */
export const MANIFEST_FILE = 'manifest.json';

/**
 * A package is public when it is published, not withdrawn, and the bureau's publication date has come.
 * The public routes ask the database the same question (disclosure.repo.ts); this is the rule in words.
 */
export function isPublic(
  pkg: { withdrawnAt: string | null },
  policy: { publishAt: string | null },
  now: Date,
): boolean {
  if (pkg.withdrawnAt !== null) return false;
  return policy.publishAt === null || Date.parse(policy.publishAt) <= now.getTime();
}
