import type { RefusalView } from '../../contract/workflow.ts';
import type { Translate } from '../i18n/i18n.tsx';

/** A refusal from the workflow read in the user's language: the code picks the sentence, the count fills it. */
export function refusalText(reason: RefusalView, t: Translate): string {
  return t(`workflow.why.${reason.code}`, { n: reason.count ?? 0 });
}
