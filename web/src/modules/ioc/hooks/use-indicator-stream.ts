// Subscribes to GET /api/v1/indicators/stream for one unit and period. The browser's
// EventSource reconnects by itself after a dropped connection; when the server refuses
// (404 before the indicators module is deployed, 401 after sign-out) EventSource gives up, so
// we reconnect ourselves with a growing pause (reconnectDelay). No page reload, ever.
import { useEffect, useReducer } from 'react';
import { indicatorStreamUrl } from '../api/ioc.api.ts';
import {
  INITIAL_LIVE,
  type LiveAction,
  type LiveState,
  liveReducer,
  parseStreamEvent,
  reconnectDelay,
} from '../lib/live.ts';

/** The live state and its dispatcher (pages seed it with the values they loaded). */
export function useIndicatorStream(
  unit: string,
  period: string,
): [LiveState, (action: LiveAction) => void] {
  const [state, dispatch] = useReducer(liveReducer, INITIAL_LIVE);

  useEffect(() => {
    if (!unit || typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    let stopped = false;
    const connect = () => {
      dispatch({ type: 'status', status: attempt === 0 ? 'connecting' : 'reconnecting' });
      source = new EventSource(indicatorStreamUrl(unit, period), { withCredentials: true });
      source.onopen = () => {
        attempt = 0;
        dispatch({ type: 'status', status: 'open' });
      };
      // The server names its events (`event: value`, indicators.routes.ts), which
      // EventSource delivers to a listener of that name only, never to onmessage.
      source.addEventListener('value', (e: MessageEvent<string>) => {
        const event = parseStreamEvent(e.data);
        if (event) dispatch({ type: 'event', event });
      });
      source.onerror = () => {
        dispatch({ type: 'status', status: 'reconnecting' });
        // CLOSED: the browser will not retry (an HTTP error); CONNECTING: it retries itself.
        if (source?.readyState === EventSource.CLOSED && !stopped) {
          source.close();
          timer = setTimeout(connect, reconnectDelay(attempt++));
        }
      };
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      source?.close();
    };
  }, [unit, period]);

  return [state, dispatch];
}
