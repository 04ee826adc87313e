-- Delivery records (分娩记录) the hospital keeps before a birth certificate is issued.
create table deliveries (
  id bigserial primary key,
  mother_id_number text not null,
  birth_date date not null,
  birth_place text not null,
  hospital text not null,
  sex text not null check (sex in ('male', 'female')),
  weight_grams integer not null,
  recorded_at timestamptz not null default now(),
  unique (mother_id_number, birth_date, sex, weight_grams)
);

alter table death_certificates add column death_place_type text check (death_place_type in ('hospital', 'home', 'other'));
