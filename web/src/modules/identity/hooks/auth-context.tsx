// The signed-in user: loaded once from GET /auth/me, set by login, cleared by logout or by
// any 401 from the API (the session expired).
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';
import { ApiError, onUnauthenticated, setCsrfToken } from '../../../api/client.ts';
import { fetchMe, login as loginCall, logout as logoutCall } from '../api/auth.api.ts';
import type { Session, User } from '../api/identity.types.ts';

interface AuthValue {
  /** undefined while the first /auth/me is in flight; null when signed out. */
  user: User | null | undefined;
  login: (username: string, password: string) => Promise<User>;
  logout: () => Promise<void>;
  /** Takes over a session opened elsewhere (a citizen's first sign-in after registering). */
  adopt: (session: Session) => void;
  /** Forgets the session the server already ended (e.g. after deleting the account). */
  forget: () => void;
}

const AuthContext = createContext<AuthValue | null>(null);

/** Provides the session to the app. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);

  useEffect(() => {
    const controller = new AbortController();
    fetchMe(controller.signal).then(
      (session) => {
        setCsrfToken(session.csrfToken);
        setUser(session.user);
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        // 401 means signed out; any other failure also leaves us signed out (login page shows).
        if (!(error instanceof ApiError) || error.status !== 401) console.error(error);
        setUser(null);
      },
    );
    return () => controller.abort();
  }, []);

  useEffect(
    () =>
      onUnauthenticated(() => {
        setCsrfToken(null);
        setUser(null);
      }),
    [],
  );

  const login = useCallback(async (username: string, password: string) => {
    const session = await loginCall(username, password);
    setCsrfToken(session.csrfToken);
    setUser(session.user);
    return session.user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await logoutCall();
    } finally {
      setCsrfToken(null);
      setUser(null);
    }
  }, []);

  const adopt = useCallback((session: Session) => {
    setCsrfToken(session.csrfToken);
    setUser(session.user);
  }, []);

  const forget = useCallback(() => {
    setCsrfToken(null);
    setUser(null);
  }, []);

  const value = useMemo(
    () => ({ user, login, logout, adopt, forget }),
    [user, login, logout, adopt, forget],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

/** The session state and login/logout. */
export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}
