/*
 * version: what differs between PostgreSQL majors, one profile per major.
 *
 * The rule: tools never test a major version number, and neither do the
 * decoders; they read a field of the profile.  Two places branch per major
 * on purpose, each saying so where it does: common/rmgrdesc/ (ports of each
 * major's own rm_desc functions, whose text changed release by release)
 * and pg_control's layouts (cluster/control.c).  A profile is found by
 * major (from --pg-version or PG_VERSION), by XLOG_PAGE_MAGIC (from a WAL
 * page header) or by pg_control's version and catalog version.  Profiles
 * are static and live for the whole program.
 */
#ifndef PGOD_VERSION_H
#define PGOD_VERSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "out/diag.h"

#define PG_MAJOR_MIN 10
#define PG_MAJOR_MAX 18

struct pg_profile {
	int			major;				/* 10 .. 18 */
	uint16_t	xlog_page_magic;	/* XLOG_PAGE_MAGIC */
	uint32_t	pg_control_version; /* PG_CONTROL_VERSION */
	uint32_t	catversion_min;		/* lowest CATALOG_VERSION_NO of the major */
	uint32_t	catversion_max;		/* highest known, inclusive */
	uint32_t	catversion_release; /* CATALOG_VERSION_NO of the x.0 release */
	uint32_t	btree_version;		/* BTREE_VERSION this major writes */
	uint32_t	btree_min_version;	/* BTREE_MIN_VERSION it still reads */
	bool		has_infomask_flags; /* heap_tuple_infomask_flags() exists */
	bool		heap_hasoid_old;	/* 12+: infomask bit 0x0008 is HEAP_HASOID_OLD
									 * (no table has OIDs); before, HEAP_HASOID */
	bool		bt_heapkeyspace;	/* 12+: a new B-tree is heapkeyspace (btm_version
									 * 4): the heap TID is part of its key */
	bool		float_out_legacy;	/* float4/8 out: %.*g with extra_float_digits,
								 * not shortest-exact (before 12) */
	bool		char_out_raw;		/* "char" out: bytes >= 0x80 as they are, not
								 * as \ooo (before 15) */
	/* pageinspect's B-tree columns (contrib/pageinspect/btreefuncs.c) */
	uint8_t		bt_metap_cols;		/* bt_metap(): 6 (10), 8 (11, 12), 9 (13+) */
	bool		bt_posting;			/* 13+: posting lists; bt_page_items() has
									 * dead, htid, tids and data without TIDs */
	bool		bt_full_xid;		/* 14+: BTDeletedPageData, btpo_level and
									 * btm_last_cleanup_num_delpages */
	/* pg_waldump's own output (src/bin/pg_waldump/pg_waldump.c) */
	bool		waldump_stats_range;	/* 15+: --stats opens with "WAL
										 * statistics between X and Y:" */
	bool		waldump_bimg_method;	/* 15+: a block reference's image
										 * names its compression method */
	/* the WAL record format (access/xlogrecord.h, access/rmgrlist.h); the
	 * page magic above says which major a WAL is */
	uint8_t		wal_max_rmid;		/* RM_MAX_ID (10..14), RM_MAX_BUILTIN_ID
									 * (15+): the same 22 rmgrs in 10..18 */
	bool		wal_custom_rmgrs;	/* 15+: RM_MIN_CUSTOM_ID 128 .. 255 */
	bool		wal_bimg_v15;		/* 15+: bimg_info HAS_HOLE 1, APPLY 2, PGLZ 4,
									 * LZ4 8, ZSTD 16; before: HAS_HOLE 1,
									 * IS_COMPRESSED 2 (pglz), APPLY 4 */
	bool		wal_toplevel_xid;	/* 14+: XLR_BLOCK_ID_TOPLEVEL_XID */
	/* pg_walinspect (contrib/pg_walinspect/pg_walinspect.c) */
	bool		walinspect_nulls;	/* 16+: an empty description, a record
									 * with no blocks, show NULL */
};

/* NULL if the major is not one of 10..18. */
const struct pg_profile *pg_profile_by_major(int major);
const struct pg_profile *pg_profile_by_xlog_magic(uint16_t magic);
/* pg_control_version alone is shared by 13..16; the catalog version decides. */
const struct pg_profile *pg_profile_by_control(uint32_t pg_control_version,
											   uint32_t catalog_version_no);

/*
 * Parse the text of a PG_VERSION file ("15\n") into a major.  Returns 0 and
 * sets *major for any integer major (e.g. 19: the caller then finds no
 * profile), or -1 if the text is not an integer major: "9.6" and older
 * two-part versions, signs, leading zeros, empty or trailing garbage.
 * Only a final newline (and spaces or a CR before it) may follow the digits.
 */
int			pg_version_parse(const char *text, size_t len, int *major);

/*
 * Detect the major for a file inside a cluster: walk up from path (itself if
 * a directory, else the directory holding it), at most PG_DETECT_DEPTH
 * levels, looking for PG_VERSION (the database directory's or the data
 * directory's; the nearest wins), then for global/pg_control (only with a
 * good CRC) under the same ancestors.  Returns the profile or NULL; a
 * diagnostic is added only when NULL is returned and a file was found but
 * could not be understood.  Opens read-only, reads at most one pg_control's
 * worth, never writes.
 */
#define PG_DETECT_DEPTH 6

const struct pg_profile *pg_detect_for_path(const char *path,
											struct diags *ds);
/* Same; found (when not NULL) gets the PG_VERSION or pg_control that decided. */
const struct pg_profile *pg_detect_for_path_from(const char *path,
												 struct diags *ds, char *found,
												 size_t foundsize);

/*
 * The cluster's pg_control above a file, for what only it knows (whether
 * data checksums are on): the same walk up from path, looking for
 * global/pg_control or global/pg_control.gz.  Returns 1 with *c decoded
 * (found names the file) when the nearest readable one has a good CRC and
 * a known version; 0 when there is none (or path is "-"); -1 when the
 * nearest one cannot be trusted (found then says which and why).  *c is
 * zeroed unless 1 is returned.
 */
struct pg_control;
int			pg_control_near(const char *path, struct pg_control *c,
							char *found, size_t foundsize);

#endif
