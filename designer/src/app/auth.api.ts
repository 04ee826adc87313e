import { isApiError } from '../errors.ts';
import type { HttpClient } from './http.ts';
import { parseSessionResponse, type SessionUser } from './session-user.ts';

export interface Credentials {
  username: string;
  password: string;
}

export interface AuthApi {
  /** Signs in; the api sets the httpOnly session cookie. Wrong credentials reject with a 401 ApiError. */
  login(credentials: Credentials): Promise<SessionUser>;
  logout(): Promise<void>;
  /** The user of the current session, or `null` when there is none. */
  me(): Promise<SessionUser | null>;
}

export function createAuthApi(http: HttpClient): AuthApi {
  return {
    login: (credentials) =>
      http.post('/api/auth/login', credentials, { parse: parseSessionResponse, expectUnauthorized: true }),
    logout: () => http.post('/api/auth/logout', undefined, { expectUnauthorized: true }),
    async me() {
      try {
        return await http.get('/api/auth/me', { parse: parseSessionResponse, expectUnauthorized: true });
      } catch (error) {
        if (isApiError(error) && error.status === 401) return null;
        throw error;
      }
    },
  };
}
