-- CreateEnum
CREATE TYPE "CompetencyLevel" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'ACQUIRED');

-- CreateTable
CREATE TABLE "progress_entries" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "pathway_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "date" DATE NOT NULL,
    "activity" TEXT NOT NULL,
    "hours" DECIMAL(5,2) NOT NULL,
    "comment" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "progress_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "competency_assessments" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "progress_entry_id" UUID NOT NULL,
    "pathway_id" UUID NOT NULL,
    "competency_id" UUID NOT NULL,
    "level" "CompetencyLevel" NOT NULL,
    "assessed_on" DATE NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "competency_assessments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "progress_entries_tenant_id_pathway_id_date_id_idx" ON "progress_entries"("tenant_id", "pathway_id", "date" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "competency_assessments_tenant_id_pathway_id_competency_id_a_idx" ON "competency_assessments"("tenant_id", "pathway_id", "competency_id", "assessed_on" DESC, "created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "competency_assessments_progress_entry_id_competency_id_key" ON "competency_assessments"("progress_entry_id", "competency_id");

-- AddForeignKey
ALTER TABLE "progress_entries" ADD CONSTRAINT "progress_entries_pathway_id_fkey" FOREIGN KEY ("pathway_id") REFERENCES "pathways"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "competency_assessments" ADD CONSTRAINT "competency_assessments_progress_entry_id_fkey" FOREIGN KEY ("progress_entry_id") REFERENCES "progress_entries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Tenancy: row-level security and the application's privileges, as for every tenant table.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['progress_entries', 'competency_assessments']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO jalon_app', t);
  END LOOP;
END
$$;
