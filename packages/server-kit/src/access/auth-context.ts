// Who is calling, as the `authenticate` hook answers: a leaf module, so that access checks, quotas
// and options can all name it without importing each other.

/** Who is calling: the answer of the `authenticate` hook. */
export interface AuthContext {
  userId: string;
  tenantId: string;
  roles: string[];
}
