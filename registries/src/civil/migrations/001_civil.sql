create table households (
  number text primary key,
  address text not null,
  region_code text not null,
  status text not null default 'active' check (status in ('active', 'cancelled')),
  created_at timestamptz not null default now()
);

create table persons (
  id_number text primary key,
  name text not null,
  sex text not null check (sex in ('male', 'female')),
  birth_date date not null,
  ethnicity text not null default '汉族',
  status text not null default 'alive' check (status in ('alive', 'deceased')),
  death_date date,
  household_number text references households (number),
  relation_to_head text,
  father_id_number text references persons (id_number),
  mother_id_number text references persons (id_number),
  created_at timestamptz not null default now()
);
create index persons_household on persons (household_number);
create index persons_father on persons (father_id_number);
create index persons_mother on persons (mother_id_number);

create table marriages (
  marriage_no text primary key,
  husband_id_number text not null references persons (id_number),
  wife_id_number text not null references persons (id_number),
  registered_on date not null,
  status text not null default 'married' check (status in ('married', 'divorced', 'widowed'))
);
create unique index marriages_husband_active on marriages (husband_id_number) where status = 'married';
create unique index marriages_wife_active on marriages (wife_id_number) where status = 'married';

create table birth_registrations (
  entry_no text primary key,
  child_id_number text not null unique references persons (id_number),
  birth_certificate_no text not null unique,
  household_number text not null references households (number),
  registered_at timestamptz not null
);

create table deaths (
  cancellation_no text primary key,
  id_number text not null unique references persons (id_number),
  death_certificate_no text unique,
  death_date date not null,
  household_number text,
  cancelled_at timestamptz not null
);

-- 户号: 9 digits; the seed uses numbers below this start.
create sequence household_seq start 300000001;
