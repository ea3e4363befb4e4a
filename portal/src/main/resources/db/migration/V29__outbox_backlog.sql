-- The number of messages waiting to be sent, every institution together: a metric for the operators, which row-level
-- security would otherwise confine to one institution. A count, nothing of any message: the owner reads the table
-- only inside this function (the application role cannot call anything else as the owner that reads it).
do $$ begin
    execute format('create policy outbound_mail_owner_counts on outbound_mail for select to %I using (true)', current_user);
end $$;

create function outbox_backlog()
    returns bigint
    language sql stable security definer
    set search_path = pg_catalog, public, pg_temp
as $$ select count(*) from outbound_mail where sent_at is null $$;
revoke all on function outbox_backlog() from public;
grant execute on function outbox_backlog() to "${appRole}";
