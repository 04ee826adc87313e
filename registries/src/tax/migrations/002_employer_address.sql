alter table employers add column address text;
