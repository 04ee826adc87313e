alter table persons add column nationality text not null default '中国';
