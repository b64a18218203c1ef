-- A placement's company tutor is a membership of the tenant: the column had
-- no foreign key. NO ACTION (checked at the end of the statement): deleting a
-- tenant removes its memberships and placements together.

-- AddForeignKey
ALTER TABLE "placements" ADD CONSTRAINT "placements_tutor_membership_id_fkey" FOREIGN KEY ("tutor_membership_id") REFERENCES "memberships"("id") ON DELETE NO ACTION ON UPDATE CASCADE;
