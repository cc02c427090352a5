-- A staff member is never on two overlapping shifts of the rota.
ALTER TABLE "rota_shifts" ADD CONSTRAINT "rota_shifts_once" EXCLUDE USING gist ("user_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&);
