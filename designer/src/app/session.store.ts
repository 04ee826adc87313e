import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { isApiError } from '../errors.ts';
import { defaultArea, hasAnyRole, visibleAreas } from './areas.ts';
import { createAuthApi, type Credentials } from './auth.api.ts';
import { http } from './http.ts';
import type { Role, SessionUser } from './session-user.ts';

const authApi = createAuthApi(http);

export const useSessionStore = defineStore('session', () => {
  const user = ref<SessionUser | null>(null);
  /** Whether the server has been asked who is signed in (or a sign-in/out answered it). */
  const loaded = ref(false);
  let pendingLoad: Promise<SessionUser | null> | null = null;

  const isSignedIn = computed(() => user.value !== null);
  const areas = computed(() => visibleAreas(user.value));
  const homeArea = computed(() => defaultArea(user.value));

  /** Asks `/api/auth/me` once; concurrent callers share the same request. */
  function ensureLoaded(): Promise<SessionUser | null> {
    if (loaded.value) return Promise.resolve(user.value);
    pendingLoad ??= authApi
      .me()
      .then((current) => {
        user.value = current;
        loaded.value = true;
        return current;
      })
      .finally(() => {
        pendingLoad = null;
      });
    return pendingLoad;
  }

  async function login(credentials: Credentials): Promise<SessionUser> {
    const signedIn = await authApi.login(credentials);
    user.value = signedIn;
    loaded.value = true;
    return signedIn;
  }

  async function logout(): Promise<void> {
    try {
      await authApi.logout();
    } catch (error) {
      // An already-ended session is what signing out wants anyway.
      if (!(isApiError(error) && error.status === 401)) throw error;
    }
    clear();
  }

  /** Forgets the user locally, e.g. after the server answered 401. */
  function clear(): void {
    user.value = null;
    loaded.value = true;
  }

  function hasRole(...roles: Role[]): boolean {
    return hasAnyRole(user.value, roles);
  }

  return { user, loaded, isSignedIn, areas, homeArea, ensureLoaded, login, logout, clear, hasRole };
});
