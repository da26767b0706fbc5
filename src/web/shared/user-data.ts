import type { HTMLAttributes } from 'react';

/**
 * Marks an element as holding user data (names, goals, indicator texts, free text): shown as it was entered, in any
 * locale. The English-locale walk (src/web/app/a11y.browser.test.ts) allows Chinese only in user data (decision 042).
 */
const USER_DATA = { 'data-user-data': '' } as HTMLAttributes<HTMLElement>;

/** For an antd Table column whose cells hold user data: `onCell: userDataCell`. */
export function userDataCell(): HTMLAttributes<HTMLElement> {
  return USER_DATA;
}
