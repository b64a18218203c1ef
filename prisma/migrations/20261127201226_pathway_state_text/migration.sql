-- The pathway's state as plain text, kept by a trigger. Under row-level
-- security Postgres only lets leakproof operators become index conditions,
-- and enum equality is not leakproof: the list's page for a state walked the
-- tenant's whole (tenant_id, updated_at) index and filtered each row. Text
-- equality is leakproof, so the page for one state is an index range. The
-- index on the enum served nothing under the policy: it goes.

-- DropIndex
DROP INDEX "pathways_tenant_id_state_updated_at_id_idx";

-- AlterTable
ALTER TABLE "pathways" ADD COLUMN     "state_text" TEXT NOT NULL DEFAULT '';

UPDATE "pathways" SET "state_text" = "state"::text;

CREATE FUNCTION app_pathway_state_text() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.state_text := NEW.state::text;
  RETURN NEW;
END;
$$;

CREATE TRIGGER pathways_state_text BEFORE INSERT OR UPDATE OF state ON pathways
  FOR EACH ROW EXECUTE FUNCTION app_pathway_state_text();

-- CreateIndex
CREATE INDEX "pathways_tenant_id_state_text_updated_at_id_idx" ON "pathways"("tenant_id", "state_text", "updated_at" DESC, "id");
