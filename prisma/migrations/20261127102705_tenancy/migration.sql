-- Tenancy, second lock: row-level security on every table that has a
-- tenant_id, enforced even for the table owner (FORCE), and an application
-- role that owns nothing and cannot bypass it. The first lock is in the
-- repositories, which put the tenant in every query.

-- The application's privileges are granted to this group role; the login role
-- of DATABASE_URL is made a member of it by `npm run db:setup`.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'jalon_app') THEN
    CREATE ROLE jalon_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
END
$$;

-- The tenant of the current transaction, or NULL. set_config(..., true) is
-- transaction-local; after the transaction the setting reads '' (not NULL),
-- hence NULLIF. With no tenant set every policy below matches nothing.
CREATE FUNCTION app_current_tenant() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid $$;

GRANT USAGE ON SCHEMA public TO jalon_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON tenants, users, memberships, invitations, refresh_tokens, outbox_messages TO jalon_app;
-- Audit rows are append-only for the application.
GRANT SELECT, INSERT ON audit_logs TO jalon_app;
GRANT EXECUTE ON FUNCTION app_current_tenant() TO jalon_app;

ALTER TABLE memberships ENABLE ROW LEVEL SECURITY;
ALTER TABLE memberships FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON memberships
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());

ALTER TABLE invitations ENABLE ROW LEVEL SECURITY;
ALTER TABLE invitations FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON invitations
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());

ALTER TABLE outbox_messages ENABLE ROW LEVEL SECURITY;
ALTER TABLE outbox_messages FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outbox_messages
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());

-- Audit: a row is read only inside its tenant; a row without tenant (failed
-- login of an unknown e-mail, platform action) may be written only when no
-- tenant is set, and is never readable by the application.
ALTER TABLE audit_logs ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_logs FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON audit_logs FOR SELECT
  USING (tenant_id = app_current_tenant());
CREATE POLICY tenant_append ON audit_logs FOR INSERT
  WITH CHECK (tenant_id IS NOT DISTINCT FROM app_current_tenant());

-- Cross-tenant lookups that authentication needs before a tenant is known.
-- SECURITY DEFINER functions answer only these narrow questions, so the
-- application role never reads other tenants' tables directly.

-- The active memberships of one user, with their tenant (login, switch, refresh).
CREATE FUNCTION app_user_memberships(p_user_id uuid)
  RETURNS TABLE (membership_id uuid, tenant_id uuid, tenant_slug text, tenant_name text,
                 role "Role", employer_id uuid, candidate_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT m.id, t.id, t.slug, t.name, m.role, m.employer_id, m.candidate_id
    FROM memberships m JOIN tenants t ON t.id = m.tenant_id
    WHERE m.user_id = p_user_id AND m.disabled_at IS NULL
    ORDER BY t.name, t.id
  $$;

-- The tenant of an invitation, found by the hash of its token (acceptance).
CREATE FUNCTION app_invitation_tenant(p_token_hash text)
  RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT tenant_id FROM invitations WHERE token_hash = p_token_hash $$;

-- Outbox messages waiting to be sent, oldest first, ids only (worker sweep).
CREATE FUNCTION app_pending_outbox(p_older_than interval, p_limit integer)
  RETURNS TABLE (id uuid, tenant_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT o.id, o.tenant_id FROM outbox_messages o
    WHERE o.status = 'PENDING' AND o.created_at <= now() - p_older_than
    ORDER BY o.created_at LIMIT p_limit
  $$;

REVOKE ALL ON FUNCTION app_user_memberships(uuid), app_invitation_tenant(text), app_pending_outbox(interval, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_user_memberships(uuid), app_invitation_tenant(text), app_pending_outbox(interval, integer) TO jalon_app;
