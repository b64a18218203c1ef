-- CreateEnum
CREATE TYPE "CertificationKind" AS ENUM ('RNCP', 'RS', 'CQP', 'CQPM');

-- CreateEnum
CREATE TYPE "PathwayState" AS ENUM ('CERTIFICATION_CHOSEN', 'EXPERIENCE', 'ADMISSIBILITY_PENDING', 'DOSSIER', 'DOSSIER_SUBMITTED', 'JURY_SCHEDULED', 'CERTIFIED', 'PARTIALLY_CERTIFIED', 'NOT_CERTIFIED', 'CLOSED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "Activity" AS ENUM ('ACTIVE', 'INACTIVE');

-- CreateEnum
CREATE TYPE "ContractKind" AS ENUM ('VAE_INVERSEE', 'ORDINARY');

-- CreateEnum
CREATE TYPE "OpcoDecision" AS ENUM ('PENDING', 'ACCEPTED', 'ACCEPTED_IMPLICIT', 'REFUSED');

-- CreateEnum
CREATE TYPE "AdmissibilityDecision" AS ENUM ('INCOMPLETE', 'ADMISSIBLE', 'ADMISSIBLE_IMPLICIT', 'NOT_ADMISSIBLE');

-- CreateEnum
CREATE TYPE "JuryResult" AS ENUM ('FULL', 'PARTIAL', 'REFUSED', 'ABSENT');

-- CreateTable
CREATE TABLE "employers" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "search_name" TEXT NOT NULL,
    "siret" CHAR(14) NOT NULL,
    "naf_code" TEXT,
    "idcc" TEXT,
    "opco" TEXT,
    "address_line" TEXT,
    "postal_code" TEXT,
    "city" TEXT,
    "contacts" JSONB NOT NULL DEFAULT '[]',
    "archived_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "employers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "certifications" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "kind" "CertificationKind" NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "level" INTEGER,
    "certifier" TEXT NOT NULL,
    "admissibility_validity_months" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "certifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "blocs" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "certification_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "blocs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "competencies" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "bloc_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "competencies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "candidates" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "first_name" TEXT NOT NULL,
    "last_name" TEXT NOT NULL,
    "search_name" TEXT NOT NULL,
    "birth_date" DATE NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "qualification_level" INTEGER NOT NULL DEFAULT 0,
    "highest_qualification" TEXT,
    "public_category" TEXT,
    "prescriber" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "candidates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cohorts" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "certification_id" UUID NOT NULL,
    "start_date" DATE NOT NULL,
    "referent_coordinator_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "cohorts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pathways" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "candidate_id" UUID NOT NULL,
    "certification_id" UUID NOT NULL,
    "target_bloc_codes" TEXT[],
    "cohort_id" UUID,
    "referent_coordinator_id" UUID,
    "state" "PathwayState" NOT NULL DEFAULT 'CERTIFICATION_CHOSEN',
    "version" INTEGER NOT NULL DEFAULT 1,
    "activity" "Activity" NOT NULL DEFAULT 'ACTIVE',
    "exit_outcome" TEXT,
    "acquired_bloc_codes" TEXT[],
    "last_activity_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "pathways_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contracts" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "pathway_id" UUID NOT NULL,
    "kind" "ContractKind" NOT NULL,
    "start_date" DATE NOT NULL,
    "planned_end_date" DATE NOT NULL,
    "trial_end_date" DATE,
    "actual_end_date" DATE,
    "termination_reason" TEXT,
    "terminated_in_trial" BOOLEAN,
    "weekly_hours" DECIMAL(4,1),
    "pay_percent_of_smic" INTEGER NOT NULL,
    "opco" TEXT,
    "opco_filed_on" DATE,
    "opco_decision" "OpcoDecision" NOT NULL DEFAULT 'PENDING',
    "annual_funding_eur" INTEGER,
    "is_renewal" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "contracts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "placements" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "contract_id" UUID NOT NULL,
    "pathway_id" UUID NOT NULL,
    "employer_id" UUID NOT NULL,
    "tutor_membership_id" UUID NOT NULL,
    "tutor_is_employer" BOOLEAN NOT NULL DEFAULT false,
    "start_date" DATE NOT NULL,
    "end_date" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "placements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "admissibilities" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "pathway_id" UUID NOT NULL,
    "attempt" INTEGER NOT NULL,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "blocs_only" BOOLEAN NOT NULL DEFAULT false,
    "submitted_on" DATE NOT NULL,
    "complete_on" DATE,
    "decision" "AdmissibilityDecision",
    "decided_on" DATE,
    "is_implicit" BOOLEAN NOT NULL DEFAULT false,
    "valid_until" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "admissibilities_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "validation_dossiers" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "pathway_id" UUID NOT NULL,
    "attempt" INTEGER NOT NULL,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "submitted_on" DATE NOT NULL,
    "returned_on" DATE,
    "return_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "validation_dossiers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "jury_sessions" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "pathway_id" UUID NOT NULL,
    "attempt" INTEGER NOT NULL,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "date" DATE NOT NULL,
    "place" TEXT,
    "result" "JuryResult",
    "result_recorded_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "jury_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bloc_results" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "jury_session_id" UUID NOT NULL,
    "bloc_code" TEXT NOT NULL,
    "acquired" BOOLEAN NOT NULL,

    CONSTRAINT "bloc_results_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "status_history" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "pathway_id" UUID NOT NULL,
    "from_state" "PathwayState",
    "to_state" "PathwayState" NOT NULL,
    "action" TEXT NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "actor_id" UUID,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "status_history_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "documents" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "pathway_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "mime_type" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "storage_key" TEXT NOT NULL,
    "uploaded_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "documents_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "employers_tenant_id_search_name_idx" ON "employers"("tenant_id", "search_name");

-- CreateIndex
CREATE UNIQUE INDEX "employers_tenant_id_siret_key" ON "employers"("tenant_id", "siret");

-- CreateIndex
CREATE UNIQUE INDEX "certifications_tenant_id_kind_code_key" ON "certifications"("tenant_id", "kind", "code");

-- CreateIndex
CREATE INDEX "blocs_tenant_id_certification_id_idx" ON "blocs"("tenant_id", "certification_id");

-- CreateIndex
CREATE UNIQUE INDEX "blocs_certification_id_code_key" ON "blocs"("certification_id", "code");

-- CreateIndex
CREATE INDEX "competencies_tenant_id_bloc_id_idx" ON "competencies"("tenant_id", "bloc_id");

-- CreateIndex
CREATE UNIQUE INDEX "competencies_bloc_id_code_key" ON "competencies"("bloc_id", "code");

-- CreateIndex
CREATE INDEX "candidates_tenant_id_search_name_idx" ON "candidates"("tenant_id", "search_name");

-- CreateIndex
CREATE INDEX "cohorts_tenant_id_start_date_idx" ON "cohorts"("tenant_id", "start_date");

-- CreateIndex
CREATE INDEX "pathways_tenant_id_state_idx" ON "pathways"("tenant_id", "state");

-- CreateIndex
CREATE INDEX "pathways_tenant_id_cohort_id_idx" ON "pathways"("tenant_id", "cohort_id");

-- CreateIndex
CREATE INDEX "pathways_tenant_id_referent_coordinator_id_idx" ON "pathways"("tenant_id", "referent_coordinator_id");

-- CreateIndex
CREATE INDEX "pathways_tenant_id_candidate_id_idx" ON "pathways"("tenant_id", "candidate_id");

-- CreateIndex
CREATE INDEX "pathways_tenant_id_updated_at_idx" ON "pathways"("tenant_id", "updated_at");

-- CreateIndex
CREATE INDEX "contracts_tenant_id_pathway_id_idx" ON "contracts"("tenant_id", "pathway_id");

-- CreateIndex
CREATE INDEX "contracts_tenant_id_planned_end_date_idx" ON "contracts"("tenant_id", "planned_end_date");

-- CreateIndex
CREATE INDEX "placements_tenant_id_pathway_id_idx" ON "placements"("tenant_id", "pathway_id");

-- CreateIndex
CREATE INDEX "placements_tenant_id_tutor_membership_id_idx" ON "placements"("tenant_id", "tutor_membership_id");

-- CreateIndex
CREATE INDEX "placements_tenant_id_employer_id_idx" ON "placements"("tenant_id", "employer_id");

-- CreateIndex
CREATE INDEX "admissibilities_tenant_id_pathway_id_idx" ON "admissibilities"("tenant_id", "pathway_id");

-- CreateIndex
CREATE INDEX "validation_dossiers_tenant_id_pathway_id_idx" ON "validation_dossiers"("tenant_id", "pathway_id");

-- CreateIndex
CREATE INDEX "jury_sessions_tenant_id_pathway_id_idx" ON "jury_sessions"("tenant_id", "pathway_id");

-- CreateIndex
CREATE INDEX "jury_sessions_tenant_id_date_idx" ON "jury_sessions"("tenant_id", "date");

-- CreateIndex
CREATE INDEX "bloc_results_tenant_id_idx" ON "bloc_results"("tenant_id");

-- CreateIndex
CREATE UNIQUE INDEX "bloc_results_jury_session_id_bloc_code_key" ON "bloc_results"("jury_session_id", "bloc_code");

-- CreateIndex
CREATE INDEX "status_history_tenant_id_pathway_id_occurred_at_idx" ON "status_history"("tenant_id", "pathway_id", "occurred_at");

-- CreateIndex
CREATE INDEX "documents_tenant_id_pathway_id_idx" ON "documents"("tenant_id", "pathway_id");

-- AddForeignKey
ALTER TABLE "employers" ADD CONSTRAINT "employers_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "certifications" ADD CONSTRAINT "certifications_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "blocs" ADD CONSTRAINT "blocs_certification_id_fkey" FOREIGN KEY ("certification_id") REFERENCES "certifications"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "competencies" ADD CONSTRAINT "competencies_bloc_id_fkey" FOREIGN KEY ("bloc_id") REFERENCES "blocs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cohorts" ADD CONSTRAINT "cohorts_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cohorts" ADD CONSTRAINT "cohorts_certification_id_fkey" FOREIGN KEY ("certification_id") REFERENCES "certifications"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pathways" ADD CONSTRAINT "pathways_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pathways" ADD CONSTRAINT "pathways_candidate_id_fkey" FOREIGN KEY ("candidate_id") REFERENCES "candidates"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pathways" ADD CONSTRAINT "pathways_certification_id_fkey" FOREIGN KEY ("certification_id") REFERENCES "certifications"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pathways" ADD CONSTRAINT "pathways_cohort_id_fkey" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_pathway_id_fkey" FOREIGN KEY ("pathway_id") REFERENCES "pathways"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "placements" ADD CONSTRAINT "placements_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "placements" ADD CONSTRAINT "placements_pathway_id_fkey" FOREIGN KEY ("pathway_id") REFERENCES "pathways"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "placements" ADD CONSTRAINT "placements_employer_id_fkey" FOREIGN KEY ("employer_id") REFERENCES "employers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "admissibilities" ADD CONSTRAINT "admissibilities_pathway_id_fkey" FOREIGN KEY ("pathway_id") REFERENCES "pathways"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "validation_dossiers" ADD CONSTRAINT "validation_dossiers_pathway_id_fkey" FOREIGN KEY ("pathway_id") REFERENCES "pathways"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "jury_sessions" ADD CONSTRAINT "jury_sessions_pathway_id_fkey" FOREIGN KEY ("pathway_id") REFERENCES "pathways"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bloc_results" ADD CONSTRAINT "bloc_results_jury_session_id_fkey" FOREIGN KEY ("jury_session_id") REFERENCES "jury_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "status_history" ADD CONSTRAINT "status_history_pathway_id_fkey" FOREIGN KEY ("pathway_id") REFERENCES "pathways"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "documents" ADD CONSTRAINT "documents_pathway_id_fkey" FOREIGN KEY ("pathway_id") REFERENCES "pathways"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Tenancy: the same row-level security as the foundation's tables, on every
-- case-management table, and the application's privileges. status_history is
-- append-only for the application.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['employers', 'certifications', 'blocs', 'competencies', 'candidates', 'cohorts', 'pathways',
                           'contracts', 'placements', 'admissibilities', 'validation_dossiers', 'jury_sessions',
                           'bloc_results', 'status_history', 'documents']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())', t);
    IF t = 'status_history' THEN
      EXECUTE format('GRANT SELECT, INSERT ON %I TO jalon_app', t);
    ELSE
      EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO jalon_app', t);
    END IF;
  END LOOP;
END
$$;

-- Recevabilité requests in a calendar year, for the quota.
CREATE INDEX "admissibilities_tenant_id_submitted_on_idx" ON "admissibilities" ("tenant_id", "submitted_on");
