-- Erasure (GDPR Art. 17): every module deletes or anonymises what it holds on a person, in one transaction, and keeps
-- what a legal hold requires. The registry record goes last; the records kept or anonymised that pointed at it lose
-- the link (on delete set null of that column only), so nothing left names the person outside the holds.

alter table consent_decision alter column subject_id drop not null;
alter table consent_decision alter column giver_id drop not null;
alter table consent_decision drop constraint consent_decision_tenant_id_subject_id_fkey;
alter table consent_decision drop constraint consent_decision_tenant_id_giver_id_fkey;
alter table consent_decision add constraint consent_decision_subject foreign key (tenant_id, subject_id)
    references person (tenant_id, id) on delete set null (subject_id);
alter table consent_decision add constraint consent_decision_giver foreign key (tenant_id, giver_id)
    references person (tenant_id, id) on delete set null (giver_id);

alter table rights_request drop constraint rights_request_tenant_id_subject_id_fkey;
alter table rights_request drop constraint rights_request_tenant_id_requester_person_id_fkey;
alter table rights_request add constraint rights_request_subject foreign key (tenant_id, subject_id)
    references person (tenant_id, id) on delete set null (subject_id);
alter table rights_request add constraint rights_request_requester_person foreign key (tenant_id, requester_person_id)
    references person (tenant_id, id) on delete set null (requester_person_id);

alter table policy_acceptance drop constraint policy_acceptance_for_person;
alter table policy_acceptance add constraint policy_acceptance_for_person foreign key (tenant_id, for_person)
    references person (tenant_id, id) on delete set null (for_person);

-- What each module erases; the tables' tenant policies (for all commands) already confine it to the institution.
grant delete on person, channel_preference, consent_coming_of_age, consent_reminder, mailing_recipient, outbound_mail,
    invitation, policy_standing, rights_archive, roster_import_chunk to "${appRole}";

-- The timeline records the erasure.
alter table rights_request_event drop constraint rights_request_event_kind_check;
alter table rights_request_event add constraint rights_request_event_kind_check
    check (kind in ('SUBMITTED', 'STATUS', 'EXTENDED', 'ASSIGNED', 'NOTE', 'TO_REQUESTER', 'FROM_REQUESTER', 'ARCHIVE_READY',
                    'ERASED'));

-- Whether an account of this institution belongs to another one too (or is an operator's): then erasing the person
-- here ends their membership here only. Answers only for members of the caller's institution.
create function account_needed_elsewhere(p_user_id uuid)
    returns boolean
    language sql stable security definer
    set search_path = pg_catalog, public, pg_temp
as $$
    select exists (select 1 from membership m where m.user_id = p_user_id and m.tenant_id <> current_tenant_id())
        or exists (select 1 from app_user u where u.id = p_user_id and u.platform_operator)
      from membership here
     where here.user_id = p_user_id and here.tenant_id = current_tenant_id()
     limit 1
$$;
revoke all on function account_needed_elsewhere(uuid) from public;
grant execute on function account_needed_elsewhere(uuid) to "${appRole}";

-- Ends an account's membership of the caller's institution; when no other institution needs it, anonymises the
-- account itself (the rows of what it did keep pointing at it). Returns the Keycloak subject and e-mail it had, for the
-- directory's side, and whether it was freed. Nothing for an account that is no member here.
create function erase_account(p_user_id uuid)
    returns table (subject text, email text, freed boolean)
    language plpgsql volatile security definer
    set search_path = pg_catalog, public, pg_temp
as $$
declare
    v_subject text;
    v_email text;
    v_elsewhere boolean;
begin
    v_elsewhere := account_needed_elsewhere(p_user_id);
    if v_elsewhere is null then
        return;
    end if;
    select u.subject, u.email into v_subject, v_email from app_user u where u.id = p_user_id;
    delete from membership m where m.user_id = p_user_id and m.tenant_id = current_tenant_id();
    if not v_elsewhere then
        update app_user u set email = 'erased-' || u.id || '@erased.invalid', display_name = '-', subject = null, locale = null
         where u.id = p_user_id;
        with ended as (delete from portal_session s where s.subject = v_subject returning s.http_session_id)
        insert into revoked_portal_session (http_session_id) select e.http_session_id from ended e on conflict do nothing;
    end if;
    return query select v_subject, v_email, not v_elsewhere;
end
$$;
revoke all on function erase_account(uuid) from public;
grant execute on function erase_account(uuid) to "${appRole}";
