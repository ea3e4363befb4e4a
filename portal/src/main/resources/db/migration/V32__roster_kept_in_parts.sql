-- A preview's rows kept for its import (V31) as a few parts of ten thousand rows each, every part an array of the
-- staging table's rows, instead of a row each: writing a hundred thousand rows one by one (an index entry and a
-- sequence number each) took about half a second of every preview, an array per part a fifth of that, and an import
-- unnests them back as fast. Stored uncompressed (a part lives a few minutes, in an unlogged table); what was kept
-- before this version is dropped: those imports read their files again, as after a database crash.
truncate roster_kept_person, roster_kept_link, roster_kept_problem;

create type roster_kept_person_row as (
    file text, line bigint, external_id text, kind text, given_name text, family_name text, search_text text,
    birth_date date, class_name text, email text, phone text, language text, job_function text, active boolean,
    relationship text, responsibility boolean, unchanged boolean, fingerprint bytea, valid boolean
);
create type roster_kept_link_row as (
    file text, line bigint, from_id text, to_id text, relationship text, responsibility boolean
);
create type roster_kept_problem_row as (
    file text, line bigint, external_id text, field text, message_key text, detail text
);

alter table roster_kept_person
    drop column file, drop column line, drop column external_id, drop column kind, drop column given_name,
    drop column family_name, drop column search_text, drop column birth_date, drop column class_name, drop column email,
    drop column phone, drop column language, drop column job_function, drop column active, drop column relationship,
    drop column responsibility, drop column valid, drop column unchanged, drop column fingerprint,
    add column rows roster_kept_person_row[] not null;
alter table roster_kept_link
    drop column file, drop column line, drop column from_id, drop column to_id, drop column relationship,
    drop column responsibility,
    add column rows roster_kept_link_row[] not null;
alter table roster_kept_problem
    drop column file, drop column line, drop column external_id, drop column field, drop column message_key,
    drop column detail,
    add column rows roster_kept_problem_row[] not null;
alter table roster_kept_person alter column rows set storage external;
alter table roster_kept_link alter column rows set storage external;
alter table roster_kept_problem alter column rows set storage external;
