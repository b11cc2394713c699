# -T in text: NULL bare, a value with a blank quoted, safe values bare (the README's example, PostgreSQL 17, item 1)
pgpage -b 0 -i 1 -T 'id:int4,a:text,~int8,c:text,d:int4=42,e:text="missing default",f:int8' testdata/pg17/data/base/16384/16510.gz
