import { DICTIONARIES, type MessageKey } from '../i18n/messages.ts';
import type { Translate } from '../i18n/i18n.tsx';
import type { ApiError } from './client.ts';

/**
 * A domain refusal in the UI's language, from the stable `reason` key and facts the server puts in
 * `details` (decision 043): `workflow.not-allowed-in-state` with the state and action. Chinese keeps the
 * server's sentence; a key or fact the web does not know gives null (the caller shows the server's words).
 */
export function reasonText(error: ApiError, t: Translate): string | null {
  const details = error.details ?? {};
  const reason = details['reason'];
  if (t.locale !== 'en' || typeof reason !== 'string') return null;
  if (reason === 'import.problems') return importProblemsText(error, t);
  const words = REASONS[reason];
  if (words === undefined) return null;
  try {
    return words(details, t);
  } catch {
    // A fact missing or not in the vocabulary: the server's sentence is still right.
    return null;
  }
}

type Words = (details: Record<string, unknown>, t: Translate) => string;

/** "book.xlsx, line 3": where in the source a problem is (a file, and its line when it has one). */
export function placeText(place: { file?: unknown; line?: unknown }, t: Translate): string {
  const file = text(place.file);
  return typeof place.line === 'number' ? t('reason.file.whereLine', { file, line: place.line }) : file;
}

/**
 * A many-document import refused (src/domain/import-problems.ts): the counts in the UI's language, then the
 * first problem's place and its detail — the server's sentence about the document, like user data.
 */
function importProblemsText(error: ApiError, t: Translate): string | null {
  const details = error.details ?? {};
  const detail = error.issues[0]?.message ?? '';
  const place = error.location ?? {};
  try {
    const first =
      place['file'] === undefined ? detail : t('reason.import.first', { where: placeText(place, t), detail });
    return t('reason.import.problems', {
      documents: text(details['documents']),
      broken: text(details['broken']),
      first,
    }).trim();
  } catch {
    return null;
  }
}

/** A key of the dictionary built from a fact, or a throw when the fact is not one the web words. */
function word(prefix: string, value: unknown): MessageKey {
  const key = `${prefix}${String(value)}`;
  if (typeof value !== 'string' || !(key in DICTIONARIES.en)) throw new Error(`no words for ${key}`);
  return key as MessageKey;
}

function text(value: unknown): string {
  if (typeof value !== 'string' && typeof value !== 'number') throw new Error('missing fact');
  return String(value);
}

function list(values: unknown, each: (value: unknown) => string, t: Translate, separator = t('reason.list')): string {
  if (!Array.isArray(values)) throw new Error('missing list');
  return values.length === 0 ? t('reason.none') : values.map(each).join(separator);
}

const state = (d: Record<string, unknown>, t: Translate) => t(word('workflow.state.', d['state']));
const action = (value: unknown, t: Translate) => t(word('workflow.action.', value));
const role = (value: unknown, t: Translate) => t(word('auth.role.', value));
const step = (d: Record<string, unknown>, t: Translate) => t(word('reason.evaluation.step.', d['step']));
const status = (d: Record<string, unknown>, t: Translate) =>
  d['status'] === 'none' ? t('reason.evaluation.status.none') : t(word('evaluation.status.', d['status']));
const allowed = (d: Record<string, unknown>, t: Translate) => list(d['allowed'], (a) => action(a, t), t);
const plain =
  (key: MessageKey): Words =>
  (_d, t) =>
    t(key);
const withFacts =
  (key: MessageKey, ...facts: string[]): Words =>
  (d, t) =>
    t(key, Object.fromEntries(facts.map((fact) => [fact, text(d[fact])])));

const REASONS: Record<string, Words> = {
  'workflow.not-allowed-in-state': (d, t) =>
    t('reason.workflow.not-allowed-in-state', {
      state: state(d, t),
      action: action(d['action'], t),
      allowed: allowed(d, t),
    }),
  'workflow.not-your-step': (d, t) =>
    t('reason.workflow.not-your-step', {
      state: state(d, t),
      action: action(d['action'], t),
      who:
        Array.isArray(d['roles']) && d['roles'].length === 0
          ? t('reason.chainReviewer')
          : list(d['roles'], (r) => role(r, t), t, t('reason.or')),
      allowed: allowed(d, t),
    }),
  'workflow.state-changed': plain('reason.workflow.state-changed'),
  'workflow.review-started': plain('reason.workflow.review-started'),
  'workflow.comment-required': (d, t) => t('reason.workflow.comment-required', { action: action(d['action'], t) }),
  'targets.locked': (d, t) =>
    d['state'] === 'approved' || d['state'] === 'adjustment-requested'
      ? t(`reason.targets.locked.${d['state']}`)
      : t('reason.targets.locked', { state: state(d, t) }),
  'project.code-taken': withFacts('reason.project.code-taken', 'code'),
  'evaluation.wrong-role': (d, t) =>
    t('reason.evaluation.wrong-role', {
      step: step(d, t),
      who: list(d['roles'], (r) => role(r, t), t, t('reason.or')),
    }),
  'evaluation.locked': (d, t) => t('reason.evaluation.locked', { status: status(d, t) }),
  'evaluation.step-not-allowed': (d, t) =>
    t('reason.evaluation.step-not-allowed', { status: status(d, t), step: step(d, t) }),
  'evaluation.not-sampled': plain('reason.evaluation.not-sampled'),
  'monitoring.not-a-checkpoint': (d, t) =>
    t('reason.monitoring.not-a-checkpoint', { month: text(d['month']), months: list(d['months'], text, t) }),
  'monitoring.checkpoint-submitted': withFacts('reason.monitoring.checkpoint-submitted', 'month'),
  'monitoring.already-submitted': withFacts('reason.monitoring.already-submitted', 'month'),
  'monitoring.incomplete': withFacts('reason.monitoring.incomplete', 'month', 'count'),
  'auth.wrong-credentials': plain('reason.auth.wrong-credentials'),
  'auth.account-disabled': plain('reason.auth.account-disabled'),
  'auth.account-locked': withFacts('reason.auth.account-locked', 'minutes'),
  'auth.address-limited': withFacts('reason.auth.address-limited', 'minutes'),
  'auth.wrong-current-password': plain('reason.auth.wrong-current-password'),
  'auth.same-password': plain('reason.auth.same-password'),
  'auth.password-attempts': plain('reason.auth.password-attempts'),
  'password.too-short': withFacts('reason.password.too-short', 'min', 'length'),
  'password.too-long': withFacts('reason.password.too-long', 'max'),
  'password.common': plain('reason.password.common'),
  'password.contains-name': plain('reason.password.contains-name'),
  'years.already-open': withFacts('reason.years.already-open', 'year'),
  'years.already-closed': withFacts('reason.years.already-closed', 'year'),
  'years.not-closed': withFacts('reason.years.not-closed', 'year'),
  'rectification.reply-required': plain('reason.rectification.reply-required'),
  'rectification.reopen-reason-required': plain('reason.rectification.reopen-reason-required'),
  'rectification.closed': plain('reason.rectification.closed'),
  'rectification.reopen-only-closed': plain('reason.rectification.reopen-only-closed'),
  'rectification.deadline-past': withFacts('reason.rectification.deadline-past', 'deadline', 'today'),
  'evaluation.incomplete': withFacts('reason.evaluation.incomplete', 'count'),
  'users.own-admin-role': plain('reason.users.own-admin-role'),
  'users.own-account': plain('reason.users.own-account'),
  'rescore.no-project': withFacts('reason.rescore.no-project', 'project'),
  'rescore.no-indicator': withFacts('reason.rescore.no-indicator', 'project', 'indicator'),
  'rescore.reason-required': withFacts('reason.rescore.reason-required', 'project', 'indicator'),
  'rescore.change-required': withFacts('reason.rescore.change-required', 'indicator'),
  'evaluation.duplicate-indicator': withFacts('reason.evaluation.duplicate-indicator', 'project', 'indicator'),
  'review.comment-role': plain('reason.review.comment-role'),
  'review.no-indicator': withFacts('reason.review.no-indicator', 'project', 'count', 'position'),
  'reorder.unknown-project': withFacts('reason.reorder.unknown-project', 'position', 'code'),
  'reorder.duplicate': withFacts('reason.reorder.duplicate', 'code'),
  'reorder.missing': (d, t) => t('reason.reorder.missing', { codes: list(d['codes'], text, t) }),
  'years.not-your-bureau': withFacts('reason.years.not-your-bureau', 'code'),
  'users.name-taken': withFacts('reason.users.name-taken', 'code'),
  'organisations.code-taken': withFacts('reason.organisations.code-taken', 'code'),
  'organisations.unit-no-type': plain('reason.organisations.unit-no-type'),
  'organisations.move-under-self': withFacts('reason.organisations.move-under-self', 'code'),
  'organisations.active-children': withFacts('reason.organisations.active-children', 'code'),
  'organisations.parent-inactive': withFacts('reason.organisations.parent-inactive', 'code'),
  'file.problem': (d, t) =>
    t(word('reason.file.', d['problem']), {
      where: placeText(d, t),
      sheet: d['problem'] === 'missing-sheet' ? text(d['sheet']) : '',
    }),
  // Any lookup that found nothing (src/domain/not-found.ts): the kind of thing and its code.
  'not-found': (d, t) =>
    t(word('reason.not-found.', d['kind']), {
      code: text(d['code']),
      year: d['kind'] === 'targets' ? text(d['fiscalYear']) : '',
    }),
};

/** The reason keys the web words (a test checks each against the server's refusals). */
export const KNOWN_REASONS: readonly string[] = Object.keys(REASONS);
