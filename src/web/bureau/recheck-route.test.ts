import { expect, it } from 'vitest';
import { hrefFor, parseRoute } from '../app/routes.ts';

it('routes /bureau/recheck to the bureau’s 复核 page and back', () => {
  expect(parseRoute('/bureau/recheck/')).toEqual({ name: 'bureauRecheck' });
  expect(hrefFor({ name: 'bureauRecheck' })).toBe('/bureau/recheck');
});
