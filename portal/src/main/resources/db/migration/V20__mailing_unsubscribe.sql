-- One-click unsubscribe (RFC 8058): each message of a mailing carries a link of its own, of which only the SHA-256 is
-- kept. Following it stops that recipient's e-mails on the message's topic (information or news), nothing else: it is
-- a channel preference of the recipient, never a consent decision, so a pupil may stop mail to themself while their
-- guardians' consent stays as it was.
alter table mailing_recipient add column unsubscribe_hash text;
alter table mailing_recipient add column unsubscribed_at timestamptz;
create unique index mailing_recipient_unsubscribe on mailing_recipient (unsubscribe_hash) where unsubscribe_hash is not null;
grant update (unsubscribed_at) on mailing_recipient to "${appRole}";

-- The link is followed before anything says which tenant it is for: this finds the tenant of one message by the hash
-- of its link, and nothing else (as invitation_tenant does for invitations).
do $$ begin
    execute format('create policy mailing_recipient_owner_reads on mailing_recipient for select to %I using (true)', current_user);
end $$;
create function unsubscribe_tenant(p_token_hash text)
    returns uuid
    language sql stable security definer
    set search_path = pg_catalog, public, pg_temp
as $$ select tenant_id from mailing_recipient where unsubscribe_hash = p_token_hash $$;
revoke all on function unsubscribe_tenant(text) from public;
grant execute on function unsubscribe_tenant(text) to "${appRole}";

-- Mail clients offer their own "unsubscribe" button from these headers of the message.
alter table outbound_mail add column unsubscribe_url text;
