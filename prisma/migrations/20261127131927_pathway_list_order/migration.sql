-- DropIndex
DROP INDEX "pathways_tenant_id_state_idx";

-- CreateIndex
CREATE INDEX "pathways_tenant_id_state_updated_at_id_idx" ON "pathways"("tenant_id", "state", "updated_at" DESC, "id");
