-- Guardians and students are invited as their colleagues are, with the same single-use, expiring link whose hash alone
-- is kept; their invitation names the person of the registry it is for, whose portal account it becomes on acceptance.
alter table invitation drop constraint invitation_role_check;
alter table invitation add constraint invitation_role_check check (role in ('ADMIN', 'DPO', 'STAFF', 'GUARDIAN', 'STUDENT'));
alter table invitation add column person_id uuid;
alter table invitation add constraint invitation_family_names_person
    check ((person_id is not null) = (role in ('GUARDIAN', 'STUDENT')));
alter table invitation add constraint invitation_person foreign key (tenant_id, person_id) references person (tenant_id, id);
create index invitation_by_person on invitation (tenant_id, person_id) where person_id is not null;

-- A guardian accepts the policy on behalf of a child who has no portal account yet: the child as registered.
alter table policy_acceptance add column for_person uuid;
alter table policy_acceptance add constraint policy_acceptance_for_person
    foreign key (tenant_id, for_person) references person (tenant_id, id);
drop index policy_acceptance_once;
create unique index policy_acceptance_once on policy_acceptance
    (tenant_id, version_number, user_id, coalesce(on_behalf_of, '00000000-0000-0000-0000-000000000000'),
     coalesce(for_person, '00000000-0000-0000-0000-000000000000'));

-- A guardian's invitation goes to the address the registry holds now: sending it again may change it.
grant update (email) on invitation to "${appRole}";
