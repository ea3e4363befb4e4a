-- An uploaded zip is stored as it came, compressed, rather than as the files it unpacks to: a 2 MiB OneRoster export
-- of a hundred thousand people unpacks to 16 MiB, which took the upload a third of a second or more to store and the
-- preview as long to read back. Its CSV files are still each a row here (name, size, encoding, as the upload checked
-- them while unpacking), pointing at the archive and their entry in it; the archive's own row holds the chunks.
alter table roster_import_file
    add column archive boolean not null default false,
    add column in_archive text,
    add column entry text,
    add constraint roster_import_file_entry check ((in_archive is null) = (entry is null) and not (archive and in_archive is not null));
