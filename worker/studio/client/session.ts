/** Who Studio acts as: a project and a credential for it (the project's key, or the admin key). */
export interface Session {
  projectId: string;
  key: string;
}

// sessionStorage, not localStorage: the key is gone when the tab closes, and no other tab can read it.
const STORAGE_KEY = "studio.session";

export function loadSession(): Session | null {
  try {
    const value = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? "null") as Partial<Session> | null;
    return value?.projectId && value.key ? { projectId: value.projectId, key: value.key } : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session | null): void {
  if (session) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  else sessionStorage.removeItem(STORAGE_KEY);
}
