-- AlterTable
ALTER TABLE "reminders" ADD COLUMN     "user_id" UUID;

-- AlterTable
ALTER TABLE "tenants" ADD COLUMN     "reminders_replan_requested_at" TIMESTAMPTZ(3);

-- AddForeignKey
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- No new table: reminders keeps its row-level security and tenants (not
-- tenant-scoped) its grants; the new columns come under both.
