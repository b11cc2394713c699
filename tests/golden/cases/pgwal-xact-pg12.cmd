# Transaction and Storage records of 12: commit times, rels, invalidations
TZ=UTC pgwal -r Transaction -r Storage -n 8 -p testdata/pg12/data
