# a sequence's page: its one tuple as heap_page_items() shows it, and the sequence as SELECT * shows it (PostgreSQL 18)
pgpage testdata/pg18/data/base/16384/16590.gz
