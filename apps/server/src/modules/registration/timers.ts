import type { Runtime } from '../../core/runtime';
import { expireLapsedPlaces } from './promotion';

/**
 * Every minute: offers that ran out and unconfirmed portal registrations give
 * their place back and the next people get offers. Returns a stop function.
 */
export function startRegistrationTimers(runtime: Runtime, everyMs = 60_000): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await expireLapsedPlaces(runtime);
    } catch (err) {
      runtime.logger.error({ err }, 'expiring lapsed places failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
