import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { z } from "zod";
import { type CurrentUser, CurrentUserSchema } from "../../contracts/auth.ts";
import type { Role } from "../../domain/access/roles.ts";
import { apiRequest, setCsrfToken } from "../api-client.ts";
import { changeLocale } from "../i18n/i18n.ts";

type AuthState = {
  status: "loading" | "signed-in" | "signed-out";
  user: CurrentUser | undefined;
  hasRole(...roles: Role[]): boolean;
  signIn(email: string, password: string): Promise<CurrentUser>;
  signOut(): Promise<void>;
  replaceUser(user: CurrentUser): void;
};

const AuthContext = createContext<AuthState | undefined>(undefined);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<CurrentUser | undefined>();
  const [status, setStatus] = useState<AuthState["status"]>("loading");

  const adopt = useCallback((next: CurrentUser | undefined) => {
    setCsrfToken(next?.csrfToken);
    setUser(next);
    setStatus(next ? "signed-in" : "signed-out");
  }, []);

  useEffect(() => {
    apiRequest("/api/auth/session", CurrentUserSchema).then(
      (current) => {
        adopt(current);
        void changeLocale(current.locale, { persist: false });
      },
      // 401 means signed out; any other failure also leaves the visitor signed out, able to retry.
      () => adopt(undefined),
    );
  }, [adopt]);

  const value = useMemo<AuthState>(
    () => ({
      status,
      user,
      hasRole: (...roles) => user?.grants.some((grant) => roles.includes(grant.role)) ?? false,
      async signIn(email, password) {
        const signedIn = await apiRequest("/api/auth/login", CurrentUserSchema, {
          method: "POST",
          body: { email, password },
        });
        adopt(signedIn);
        await changeLocale(signedIn.locale, { persist: false });
        return signedIn;
      },
      async signOut() {
        await apiRequest("/api/auth/logout", z.undefined(), { method: "POST" }).catch(() => undefined);
        adopt(undefined);
      },
      replaceUser: adopt,
    }),
    [status, user, adopt],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const context = useContext(AuthContext);
  if (!context) throw new Error("useAuth needs an AuthProvider");
  return context;
}
