create table birth_certificates (
  no text primary key,
  child_name text not null,
  child_sex text not null check (child_sex in ('male', 'female')),
  child_birth_date date not null,
  child_birth_place text not null,
  child_birth_hospital text,
  mother_id_number text not null,
  mother_name text not null,
  father_id_number text,
  father_name text,
  issued_at timestamptz not null,
  unique (mother_id_number, child_birth_date, child_name)
);
create index birth_certificates_father on birth_certificates (father_id_number);

create table vaccination_records (
  no text primary key,
  birth_certificate_no text not null unique references birth_certificates (no),
  guardian_id_number text,
  vaccinations jsonb not null,
  created_at timestamptz not null
);

create table death_certificates (
  no text primary key,
  deceased_id_number text not null unique,
  deceased_name text not null,
  death_date date not null,
  death_place text not null,
  death_cause text not null,
  issued_at timestamptz not null
);

-- 出生医学证明 numbers: Q + 9 digits.
create sequence birth_certificate_seq start 100000001;
