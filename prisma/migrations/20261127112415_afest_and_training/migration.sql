-- AlterTable
ALTER TABLE "competency_assessments" ADD COLUMN     "afest_cycle_id" UUID,
ALTER COLUMN "progress_entry_id" DROP NOT NULL;

-- CreateTable
CREATE TABLE "afest_cycles" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "pathway_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "competency_ids" UUID[],
    "analysis_on" DATE NOT NULL,
    "analysis_notes" TEXT,
    "situation_on" DATE,
    "situation_notes" TEXT,
    "reflection_on" DATE,
    "reflection_notes" TEXT,
    "evaluation_on" DATE,
    "evaluation_notes" TEXT,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "afest_cycles_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "training_modules" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "pathway_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "hours_planned" DECIMAL(6,2) NOT NULL,
    "hours_done" DECIMAL(6,2) NOT NULL DEFAULT 0,
    "start_date" DATE,
    "end_date" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "training_modules_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "afest_cycles_tenant_id_pathway_id_idx" ON "afest_cycles"("tenant_id", "pathway_id");

-- CreateIndex
CREATE INDEX "training_modules_tenant_id_pathway_id_idx" ON "training_modules"("tenant_id", "pathway_id");

-- CreateIndex
CREATE UNIQUE INDEX "competency_assessments_afest_cycle_id_competency_id_key" ON "competency_assessments"("afest_cycle_id", "competency_id");

-- AddForeignKey
ALTER TABLE "competency_assessments" ADD CONSTRAINT "competency_assessments_afest_cycle_id_fkey" FOREIGN KEY ("afest_cycle_id") REFERENCES "afest_cycles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "afest_cycles" ADD CONSTRAINT "afest_cycles_pathway_id_fkey" FOREIGN KEY ("pathway_id") REFERENCES "pathways"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "training_modules" ADD CONSTRAINT "training_modules_pathway_id_fkey" FOREIGN KEY ("pathway_id") REFERENCES "pathways"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Tenancy: row-level security and the application's privileges, as for every tenant table.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['afest_cycles', 'training_modules']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO jalon_app', t);
  END LOOP;
END
$$;

-- An assessment comes from exactly one source.
ALTER TABLE competency_assessments ADD CONSTRAINT competency_assessments_one_source
  CHECK ((progress_entry_id IS NULL) <> (afest_cycle_id IS NULL));
