# the shape of the level-2 tree in the oldest and newest majors, text and JSON
pgbtree --tree testdata/pg10/data/base/16384/16550.gz && pgbtree --tree --check --json testdata/pg18/data/base/16384/16589.gz
