/** Whether the console's socket is up, so alerts arrive by push and the alert views need not poll. */
import { useRealtime } from '../messages/realtime-context';

export function useAlertsLive(): boolean {
  const { client, online } = useRealtime();
  return client !== null && online;
}
