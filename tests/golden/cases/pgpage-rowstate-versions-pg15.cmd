# every version of public.accounts in the forensic cluster (a crash, a prepared transaction, multixacts), update chains in order, text (PostgreSQL 15)
pgpage -D testdata/pg15/forensic/data -d shop --relation public.accounts --all-versions
