import { useSyncExternalStore } from 'react';
import {
  ErrorCode,
  hasPermission,
  REFRESH_COOKIE_PATH,
  SESSION_MODE_COOKIE,
  SESSION_MODE_HEADER,
  type AcceptInvitationInput,
  type LoginInput,
  type Permission,
  type SessionResponse,
} from '@jalon/contracts';
import { ApiError, problemOf } from '../api/problem';

/**
 * The browser session. The access token lives in this module's memory only
 * (never in localStorage); the refresh token is an httpOnly cookie that
 * scripts cannot read, sent by the browser to the auth routes alone. A page
 * load restores the session with a refresh. A request made when the access
 * token is about to expire refreshes it first, so requests do not meet a 401
 * for an expired token; a 401 all the same (a token revoked, a clock that
 * jumped) triggers one silent refresh and a retry.
 */
export type SessionInfo = Omit<SessionResponse, 'accessToken' | 'refreshToken' | 'expiresIn'>;

/** `expired`: the session ended while in use; the page stays as it is under a sign-in dialog. */
export type SessionStatus = 'restoring' | 'signed-in' | 'signed-out' | 'expired';

interface State {
  status: SessionStatus;
  session: SessionInfo | null;
}

let accessToken: string | null = null;
/** When the access token expires, on this browser's clock (it counts from the answer's `expiresIn`). */
let accessTokenExpiresAt = 0;
let state: State = { status: 'restoring', session: null };
const listeners = new Set<() => void>();
let refreshing: Promise<boolean> | null = null;
let restored: Promise<void> | null = null;

function setState(next: State): void {
  state = next;
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSession(): State {
  return useSyncExternalStore(subscribe, () => state);
}

export const currentSession = (): State => state;

export function can(session: SessionInfo | null, permission: Permission): boolean {
  return !!session && hasPermission(session.role, permission);
}

function open(answer: SessionResponse): void {
  const { accessToken: token, refreshToken: _none, expiresIn, ...session } = answer;
  accessToken = token;
  accessTokenExpiresAt = Date.now() + expiresIn * 1000 - refreshLeadMs(expiresIn);
  setState({ status: 'signed-in', session });
}

/** POST to a session route in cookie mode. */
async function sessionCall(path: string, body: unknown, bearer = false): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json', [SESSION_MODE_HEADER]: SESSION_MODE_COOKIE };
  if (bearer && accessToken) headers['authorization'] = `Bearer ${accessToken}`;
  try {
    return await fetch(`${REFRESH_COOKIE_PATH}/${path}`, { method: 'POST', headers, body: JSON.stringify(body), credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, null);
  }
}

async function expectSession(response: Response): Promise<SessionResponse> {
  if (!response.ok) throw await problemOf(response);
  return (await response.json()) as SessionResponse;
}

export async function login(input: LoginInput): Promise<SessionInfo> {
  open(await expectSession(await sessionCall('login', input)));
  return state.session!;
}

export async function acceptInvitation(input: AcceptInvitationInput): Promise<SessionInfo> {
  open(await expectSession(await sessionCall('accept-invitation', input)));
  return state.session!;
}

export async function switchTenant(tenantSlug: string): Promise<SessionInfo> {
  open(await expectSession(await sessionCall('switch-tenant', { tenantSlug }, true)));
  return state.session!;
}

/** Ends the session here at once; the server forgets it when it can be reached. */
export async function logout(): Promise<void> {
  try {
    await sessionCall('logout', {});
  } catch {
    // Offline: the access token goes now, the cookie's session expires on its own.
  } finally {
    accessToken = null;
    setState({ status: 'signed-out', session: null });
  }
}

/**
 * One refresh at a time: parallel 401s share it. False when the session is
 * over; a session that was in use is then marked `expired`.
 */
export function refresh(): Promise<boolean> {
  refreshing ??= (async () => {
    try {
      const response = await sessionCall('refresh', {});
      if (response.ok) {
        open((await response.json()) as SessionResponse);
        return true;
      }
      accessToken = null;
      setState({ status: state.status === 'signed-in' || state.status === 'expired' ? 'expired' : 'signed-out', session: state.session });
      return false;
    } catch {
      // The network, not the session, failed: keep what we have.
      return false;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/** On page load: the cookie, if any, opens the session again. Resolves once known. */
export function restoreSession(): Promise<void> {
  restored ??= refresh().then(() => {
    if (state.status === 'restoring') setState({ status: 'signed-out', session: null });
  });
  return restored;
}

const RETRYABLE = new Set<string>([ErrorCode.AuthTokenExpired, ErrorCode.Unauthenticated]);

/** The fetch of the API client: adds the access token, refreshes once on 401 and retries. */
export async function authorizedFetch(request: Request): Promise<Response> {
  const renewed = await renewIfDue();
  const retry = request.clone();
  const response = await fetch(withToken(request));
  if (response.status !== 401 || !renewed) return response;
  const problem = (await response.clone().json().catch(() => null)) as { code?: string } | null;
  if (!problem?.code || !RETRYABLE.has(problem.code)) return response;
  return (await refresh()) ? fetch(withToken(retry)) : response;
}

/** How early a request renews the token: 30 s, or a fifth of a shorter lifetime. */
function refreshLeadMs(expiresInSeconds: number): number {
  return Math.min(30, expiresInSeconds / 5) * 1000;
}

/**
 * A token past its renewal time is refreshed before the request goes out
 * (one refresh, shared by parallel requests). False when that refresh failed.
 */
async function renewIfDue(): Promise<boolean> {
  return !accessToken || Date.now() < accessTokenExpiresAt || refresh();
}

function withToken(request: Request): Request {
  if (accessToken) request.headers.set('authorization', `Bearer ${accessToken}`);
  return request;
}
