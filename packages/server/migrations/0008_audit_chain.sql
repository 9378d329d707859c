ALTER TABLE "audit_log" ADD COLUMN "ip" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "basis" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "seq" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "prev_hash" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "hash" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- The hash chain (docs/audit.md; the same encoding is computed in audit/chain.ts to verify):
-- each field is "~" when null, else "<bytes>:<text>"; fields joined by "|" after a version tag.
CREATE FUNCTION "audit_log_field"(v text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN v IS NULL THEN '~' ELSE octet_length(v)::text || ':' || v END
$$;--> statement-breakpoint
CREATE FUNCTION "audit_log_hash"(
  seq bigint, at timestamptz, actor_id uuid, patient_id uuid, action text, entity_id text,
  details jsonb, ip text, basis text, prev_hash text
) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(concat_ws('|',
    'steady-audit-v1',
    audit_log_field(seq::text),
    audit_log_field(to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')),
    audit_log_field(actor_id::text),
    audit_log_field(patient_id::text),
    audit_log_field(action),
    audit_log_field(entity_id),
    audit_log_field(details::text),
    audit_log_field(ip),
    audit_log_field(basis),
    audit_log_field(prev_hash)
  ), 'UTF8')), 'hex')
$$;--> statement-breakpoint
-- Existing entries, in the order they were written.
DO $$
DECLARE
  r record;
  prev text := repeat('0', 64);
  n bigint := 0;
BEGIN
  FOR r IN SELECT * FROM "audit_log" ORDER BY "id" LOOP
    n := n + 1;
    UPDATE "audit_log"
      SET "seq" = n, "prev_hash" = prev,
          "hash" = audit_log_hash(n, r.at, r.actor_id, r.patient_id, r.action, r.entity_id, r.details, r.ip, r.basis, prev)
      WHERE "id" = r.id;
    prev := audit_log_hash(n, r.at, r.actor_id, r.patient_id, r.action, r.entity_id, r.details, r.ip, r.basis, prev);
  END LOOP;
END
$$;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_seq_idx" ON "audit_log" USING btree ("seq");--> statement-breakpoint
-- Appends are serialized by a transaction-level advisory lock, held until the writing
-- transaction ends: two writers (requests, instances) never fork the chain.
CREATE FUNCTION "audit_log_chain"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  last record;
BEGIN
  PERFORM pg_advisory_xact_lock(6013553939975012353);
  SELECT "seq", "hash" INTO last FROM "audit_log" ORDER BY "seq" DESC LIMIT 1;
  IF NOT FOUND THEN
    NEW.seq := 1;
    NEW.prev_hash := repeat('0', 64);
  ELSE
    NEW.seq := last.seq + 1;
    NEW.prev_hash := last.hash;
  END IF;
  NEW.hash := audit_log_hash(NEW.seq, NEW.at, NEW.actor_id, NEW.patient_id, NEW.action,
    NEW.entity_id, NEW.details, NEW.ip, NEW.basis, NEW.prev_hash);
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER "audit_log_chain" BEFORE INSERT ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION "audit_log_chain"();--> statement-breakpoint
-- Append-only: entries are never changed or removed by Steady.
CREATE FUNCTION "audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP;
END
$$;--> statement-breakpoint
CREATE TRIGGER "audit_log_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_append_only"();
