# what the transaction open at the crash did (--xid), then the deleted rows and the aborted ones, JSON (PostgreSQL 15)
x=$(jq -r '.crashed_xid' testdata/pg15/forensic/oracle/meta.json)
pgpage -D testdata/pg15/forensic/data -d shop --relation public.accounts --xid "$x" --json | jq -c '{ctid, xmin, xmax, xmin_status, xmax_status, kind, actions, values}'
pgpage -D testdata/pg15/forensic/data -d shop --relation public.accounts --deleted
pgpage -D testdata/pg15/forensic/data -d shop --relation public.accounts --aborted --format=csv
