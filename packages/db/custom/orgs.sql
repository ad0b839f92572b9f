-- Organisations from what was typed (issue 9 §2): every partner and every registration's
-- free-text organisation gets its shared organisation. The match key is the contracts'
-- organisationMatchKey, written again here in SQL (organisations.service.test.ts checks
-- the two agree on both engines). The country is the registrant's, on the person: this
-- runs after the people backfill. Ids are derived from the key so each statement can
-- find the rows the one before made.
insert into organisations (id, name, country, type)
select distinct on (k) md5('org|' || k || '|')::uuid, case when name ~ '[가-힣]' then jsonb_build_object('ko', btrim(name)) else jsonb_build_object('en', btrim(name)) end, null, 'other'
from (select btrim(regexp_replace(translate(normalize(name, NFKC), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), '[' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || ' !-/:-@[-`{-~]+', ' ', 'g'), ' ') as k, name from partners) p
where k <> ''
order by k, name
on conflict (id) do nothing;
--> statement-breakpoint
insert into organisation_names (match_key, country_key, organisation_id, spelling)
select distinct on (k) k, '', md5('org|' || k || '|')::uuid, btrim(name)
from (select btrim(regexp_replace(translate(normalize(name, NFKC), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), '[' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || ' !-/:-@[-`{-~]+', ' ', 'g'), ' ') as k, name from partners) p
where k <> ''
order by k, name
on conflict do nothing;
--> statement-breakpoint
update partners set organisation_id = md5('org|' || btrim(regexp_replace(translate(normalize(name, NFKC), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), '[' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || ' !-/:-@[-`{-~]+', ' ', 'g'), ' ') || '|')::uuid
where organisation_id is null and btrim(regexp_replace(translate(normalize(name, NFKC), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), '[' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || ' !-/:-@[-`{-~]+', ' ', 'g'), ' ') <> '';
--> statement-breakpoint
insert into organisations (id, name, country, type, created_at, updated_at)
select distinct on (k, country) md5('org|' || k || '|' || country)::uuid, case when organisation ~ '[가-힣]' then jsonb_build_object('ko', btrim(organisation)) else jsonb_build_object('en', btrim(organisation)) end, country, 'other', created_at, created_at
from (select btrim(regexp_replace(translate(normalize(r0.organisation, NFKC), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), '[' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || ' !-/:-@[-`{-~]+', ' ', 'g'), ' ') as k, r0.organisation, p.country, r0.created_at from registrations r0 join persons p on p.id = r0.person_id) r
where k <> '' and not exists (
  select 1 from organisation_names n where n.match_key = r.k and n.country_key in (r.country, ''))
order by k, country, created_at
on conflict (id) do nothing;
--> statement-breakpoint
insert into organisation_names (match_key, country_key, organisation_id, spelling)
select distinct on (k, country) k, country, md5('org|' || k || '|' || country)::uuid, btrim(organisation)
from (select btrim(regexp_replace(translate(normalize(r0.organisation, NFKC), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), '[' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || ' !-/:-@[-`{-~]+', ' ', 'g'), ' ') as k, r0.organisation, p.country, r0.created_at from registrations r0 join persons p on p.id = r0.person_id) r
where k <> '' and not exists (
  select 1 from organisation_names n where n.match_key = r.k and n.country_key in (r.country, ''))
order by k, country, created_at
on conflict do nothing;
--> statement-breakpoint
update registrations r set organisation_id = (
  select n.organisation_id from organisation_names n, persons p
  where p.id = r.person_id and n.match_key = btrim(regexp_replace(translate(normalize(r.organisation, NFKC), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), '[' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || ' !-/:-@[-`{-~]+', ' ', 'g'), ' ') and n.country_key in (p.country, '')
  order by n.country_key desc limit 1)
where r.organisation_id is null;
