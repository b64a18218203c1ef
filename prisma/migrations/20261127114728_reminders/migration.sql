-- CreateEnum
CREATE TYPE "ReminderStatus" AS ENUM ('PLANNED', 'QUEUED', 'SENT', 'CANCELLED', 'FAILED');

-- CreateTable
CREATE TABLE "reminders" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "pathway_id" UUID,
    "kind" TEXT NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "recipients" TEXT[],
    "dedup_key" TEXT NOT NULL,
    "status" "ReminderStatus" NOT NULL DEFAULT 'PLANNED',
    "data" JSONB NOT NULL DEFAULT '{}',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "queued_at" TIMESTAMPTZ(3),
    "sent_at" TIMESTAMPTZ(3),
    "cancelled_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "reminders_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "reminder_id" UUID,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT,
    "read_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "email_preferences" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "email" BOOLEAN NOT NULL,

    CONSTRAINT "email_preferences_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "reminders_tenant_id_pathway_id_due_at_idx" ON "reminders"("tenant_id", "pathway_id", "due_at");

-- CreateIndex
CREATE INDEX "reminders_status_due_at_idx" ON "reminders"("status", "due_at");

-- CreateIndex
CREATE UNIQUE INDEX "reminders_tenant_id_dedup_key_key" ON "reminders"("tenant_id", "dedup_key");

-- CreateIndex
CREATE INDEX "notifications_tenant_id_user_id_created_at_idx" ON "notifications"("tenant_id", "user_id", "created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "notifications_reminder_id_user_id_key" ON "notifications"("reminder_id", "user_id");

-- CreateIndex
CREATE UNIQUE INDEX "email_preferences_tenant_id_user_id_kind_key" ON "email_preferences"("tenant_id", "user_id", "kind");

-- AddForeignKey
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_pathway_id_fkey" FOREIGN KEY ("pathway_id") REFERENCES "pathways"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_reminder_id_fkey" FOREIGN KEY ("reminder_id") REFERENCES "reminders"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Tenancy: row-level security and the application's privileges, as for every tenant table.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['reminders', 'notifications', 'email_preferences']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO jalon_app', t);
  END LOOP;
END
$$;

-- The worker's sweep, across tenants: claims due reminders (PLANNED, or QUEUED
-- for longer than p_stuck_after: their job was lost with Redis) by marking them
-- QUEUED, skipping rows another worker holds, and returns their ids.
CREATE FUNCTION app_claim_due_reminders(p_stuck_after interval, p_limit integer)
  RETURNS TABLE (id uuid, tenant_id uuid)
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    WITH due AS (
      SELECT r.id FROM reminders r
      WHERE (r.status = 'PLANNED' AND r.due_at <= now())
         OR (r.status = 'QUEUED' AND r.queued_at <= now() - p_stuck_after)
      ORDER BY r.due_at
      LIMIT p_limit
      FOR UPDATE SKIP LOCKED
    )
    UPDATE reminders r SET status = 'QUEUED', queued_at = now(), updated_at = now()
    FROM due WHERE r.id = due.id
    RETURNING r.id, r.tenant_id
  $$;
REVOKE ALL ON FUNCTION app_claim_due_reminders(interval, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_claim_due_reminders(interval, integer) TO jalon_app;
