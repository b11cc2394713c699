# the row state fields of heap items (xmin_status, xmax_status, members, visible) on the block of public.accounts with two multixacts, JSON (PostgreSQL 15)
pgpage -D testdata/pg15/forensic/data -d shop --relation public.accounts --json | jq -c '.items[] | {lp, t_xmin, t_xmax, xmin_status, xmax_status, members, visible}'
