# -b: block references on lines of their own, images with hole and compression
pgwal -b -w -n 6 -p testdata/pg15/data
