-- AlterTable
ALTER TABLE "pathways" ADD COLUMN     "acquired_share" REAL NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "placements" ADD COLUMN     "tutor_last_entry_on" DATE;

-- CreateIndex
CREATE INDEX "placements_tenant_id_tutor_last_entry_on_idx" ON "placements"("tenant_id", "tutor_last_entry_on");

-- Derived progress figures, kept by the database itself so that every writer
-- (API, worker, scripts) keeps them right and dashboards never recompute them
-- from every entry. Functions run as the caller: row-level security applies.

-- The share of each given pathway's competencies (of its certification, or of
-- its target blocs) whose latest assessment is ACQUIRED. A certification's
-- blocs cannot change once a pathway follows it (409 IN_USE), so only
-- assessments move it.
-- Both refresh functions first lock the pathways (in id order), then compute
-- in a second statement, whose snapshot is taken once the lock is held: two
-- transactions writing on one pathway cannot store a figure that misses the
-- other's rows.
CREATE FUNCTION app_lock_pathways(p_pathway_ids uuid[]) RETURNS void
  LANGUAGE plpgsql VOLATILE SET search_path = public, pg_temp
  AS $$
    BEGIN
      PERFORM 1 FROM pathways WHERE id = ANY (p_pathway_ids) ORDER BY id FOR NO KEY UPDATE;
    END
  $$;

CREATE FUNCTION app_refresh_acquired_share(p_pathway_ids uuid[]) RETURNS void
  LANGUAGE sql VOLATILE SET search_path = public, pg_temp
  AS $$
    SELECT app_lock_pathways(p_pathway_ids);
    UPDATE pathways p SET acquired_share = s.share
    FROM (
      SELECT q.id, coalesce(count(*) FILTER (WHERE latest.level = 'ACQUIRED')::real / nullif(count(c.id), 0), 0)::real AS share
      FROM pathways q
      LEFT JOIN blocs b ON b.tenant_id = q.tenant_id AND b.certification_id = q.certification_id
        AND (coalesce(cardinality(q.target_bloc_codes), 0) = 0 OR b.code = ANY (q.target_bloc_codes))
      LEFT JOIN competencies c ON c.tenant_id = q.tenant_id AND c.bloc_id = b.id
      LEFT JOIN LATERAL (
        SELECT a.level FROM competency_assessments a
        WHERE a.tenant_id = q.tenant_id AND a.pathway_id = q.id AND a.competency_id = c.id
        ORDER BY a.assessed_on DESC, a.created_at DESC
        LIMIT 1
      ) latest ON true
      WHERE q.id = ANY (p_pathway_ids)
      GROUP BY q.id
    ) s
    WHERE p.id = s.id AND p.acquired_share IS DISTINCT FROM s.share
  $$;

-- Statement triggers on a table with pathway_id: calls the function named by
-- the trigger's argument once, with the pathways the statement touched.
CREATE FUNCTION app_pathways_changed() RETURNS trigger
  LANGUAGE plpgsql SET search_path = public, pg_temp
  AS $$
    DECLARE
      changed uuid[];
    BEGIN
      IF TG_OP = 'INSERT' THEN
        changed := array(SELECT DISTINCT pathway_id FROM new_rows);
      ELSIF TG_OP = 'DELETE' THEN
        changed := array(SELECT DISTINCT pathway_id FROM old_rows);
      ELSE
        changed := array(SELECT pathway_id FROM new_rows UNION SELECT pathway_id FROM old_rows);
      END IF;
      EXECUTE format('SELECT %I($1)', TG_ARGV[0]) USING changed;
      RETURN NULL;
    END
  $$;

CREATE TRIGGER competency_assessments_inserted AFTER INSERT ON competency_assessments
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_pathways_changed('app_refresh_acquired_share');
CREATE TRIGGER competency_assessments_updated AFTER UPDATE ON competency_assessments
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_pathways_changed('app_refresh_acquired_share');
CREATE TRIGGER competency_assessments_deleted AFTER DELETE ON competency_assessments
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION app_pathways_changed('app_refresh_acquired_share');

-- The day of the last progress entry each placement's company tutor wrote on
-- its pathway (any date: a tutor who wrote before the placement began counts).
CREATE FUNCTION app_tutor_last_entry(p_tenant_id uuid, p_pathway_id uuid, p_tutor_membership_id uuid) RETURNS date
  LANGUAGE sql STABLE SET search_path = public, pg_temp
  AS $$
    SELECT max(e.date) FROM progress_entries e JOIN memberships m ON m.id = p_tutor_membership_id
    WHERE e.tenant_id = p_tenant_id AND e.pathway_id = p_pathway_id AND e.author_id = m.user_id
  $$;

CREATE FUNCTION app_refresh_tutor_last_entry(p_pathway_ids uuid[]) RETURNS void
  LANGUAGE sql VOLATILE SET search_path = public, pg_temp
  AS $$
    SELECT app_lock_pathways(p_pathway_ids);
    UPDATE placements pl SET tutor_last_entry_on = x.last_entry
    FROM (
      SELECT q.id, app_tutor_last_entry(q.tenant_id, q.pathway_id, q.tutor_membership_id) AS last_entry
      FROM placements q WHERE q.pathway_id = ANY (p_pathway_ids)
    ) x
    WHERE pl.id = x.id AND pl.tutor_last_entry_on IS DISTINCT FROM x.last_entry
  $$;

CREATE TRIGGER progress_entries_inserted AFTER INSERT ON progress_entries
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_pathways_changed('app_refresh_tutor_last_entry');
CREATE TRIGGER progress_entries_updated AFTER UPDATE ON progress_entries
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_pathways_changed('app_refresh_tutor_last_entry');
CREATE TRIGGER progress_entries_deleted AFTER DELETE ON progress_entries
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION app_pathways_changed('app_refresh_tutor_last_entry');

CREATE FUNCTION app_placement_tutor_last_entry() RETURNS trigger
  LANGUAGE plpgsql SET search_path = public, pg_temp
  AS $$
    BEGIN
      NEW.tutor_last_entry_on := app_tutor_last_entry(NEW.tenant_id, NEW.pathway_id, NEW.tutor_membership_id);
      RETURN NEW;
    END
  $$;
CREATE TRIGGER placements_tutor_last_entry BEFORE INSERT OR UPDATE OF pathway_id, tutor_membership_id ON placements
  FOR EACH ROW EXECUTE FUNCTION app_placement_tutor_last_entry();

-- Existing rows, tenant by tenant: row-level security applies to the owner
-- too, so without the tenant set the functions would see nothing.
DO $$
DECLARE
  t uuid;
BEGIN
  FOR t IN SELECT id FROM tenants LOOP
    PERFORM set_config('app.tenant_id', t::text, true);
    PERFORM app_refresh_acquired_share(array(SELECT id FROM pathways WHERE tenant_id = t));
    PERFORM app_refresh_tutor_last_entry(array(SELECT DISTINCT pathway_id FROM placements WHERE tenant_id = t));
  END LOOP;
  PERFORM set_config('app.tenant_id', '', true);
END
$$;
