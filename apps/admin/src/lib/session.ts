import { useRoute, useRouter } from 'vue-router';
import type { ApiErrorInfo } from '@plenary/ui';
import { useAuthStore } from '../features/auth/use-auth-store';

/**
 * When a call fails because the session ended (expired, or signed out
 * everywhere from another device), re-read auth.me and re-enter the current
 * page: the route guard then sends the user to sign in, and back here after.
 */
export function useSessionLoss() {
  const router = useRouter();
  const route = useRoute();
  const auth = useAuthStore();
  return (info: ApiErrorInfo): boolean => {
    if (info.code !== 'UNAUTHENTICATED' && info.code !== 'SECOND_FACTOR_REQUIRED') return false;
    void auth
      .refresh()
      .catch(() => undefined)
      .then(() => router.replace(route.fullPath));
    return true;
  };
}
