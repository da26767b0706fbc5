import type { FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'jixiao_session';

export interface CookieOptions {
  /** Always mark the cookie Secure; otherwise only when the request came over https. */
  secureCookies?: boolean;
}

/**
 * HttpOnly (no script reads it), SameSite=Lax (not sent on cross-site writes; Strict would sign a
 * user out when following a link from mail), Secure behind https, Path=/.
 */
export function setSessionCookie(
  reply: FastifyReply,
  request: FastifyRequest,
  token: string,
  expires: Date,
  options: CookieOptions,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: options.secureCookies === true || request.protocol === 'https',
    path: '/',
    expires,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax' });
}
